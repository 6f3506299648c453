namespace HomelabManager.Clients.Aws;

/// <summary>The parts of an HTTP request SigV4 signs.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path as sent on the wire (percent-escapes kept, e.g. <c>/a%20b</c>); SigV4 encodes it once more.</param>
/// <param name="Query">The query string as sent, without <c>?</c>; empty for none.</param>
/// <param name="Headers">Headers to sign, in sending order (repeated names allowed). Must include <c>Host</c>.</param>
/// <param name="Body">The payload (empty for none).</param>
internal sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);

/// <summary>The outcome of signing: the intermediate texts (for tests and verifiers) and the headers to add.</summary>
/// <param name="CanonicalRequest">Step 1 of the algorithm.</param>
/// <param name="StringToSign">Step 2.</param>
/// <param name="Signature">Lower-case hex HMAC.</param>
/// <param name="SignedHeaders">The <c>;</c>-joined lower-case names that were signed.</param>
/// <param name="HeadersToAdd">Headers the caller must add to the request, in order (<c>X-Amz-Date</c>, token, <c>Authorization</c>, …).</param>
internal sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd)
{
    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public string Authorization => HeadersToAdd.Single(h => h.Key == SigV4Signer.AuthorizationHeader).Value;
}
