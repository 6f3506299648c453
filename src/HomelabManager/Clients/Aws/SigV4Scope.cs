namespace HomelabManager.Clients.Aws;

/// <summary>What a SigV4 signature is bound to and how the request is canonicalised.</summary>
/// <param name="Region">Credential-scope region, e.g. <c>us-east-1</c> (Route 53 always signs for it).</param>
/// <param name="Service">Credential-scope service, e.g. <c>route53</c>.</param>
internal sealed record SigV4Scope(string Region, string Service)
{
    /// <summary>The scope Route 53 requests are signed for (global endpoint).</summary>
    public static SigV4Scope Route53 { get; } = new("us-east-1", "route53");

    /// <summary>
    /// True (every service but S3): remove <c>.</c>/<c>..</c> segments and duplicate slashes before encoding the path.
    /// False (S3 style): the path is encoded as given.
    /// </summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>Also send and sign <c>X-Amz-Content-Sha256</c> (S3 requires it; Route 53 does not).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>Add <c>X-Amz-Security-Token</c> after signing instead of signing it (a few services want that).</summary>
    public bool OmitSessionTokenFromSignature { get; init; }
}
