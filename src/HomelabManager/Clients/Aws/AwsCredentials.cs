namespace HomelabManager.Clients.Aws;

/// <summary>AWS credentials for SigV4. <see cref="ToString"/> never shows the secret key or the session token.</summary>
/// <param name="AccessKeyId">The access key id (e.g. <c>AKIA…</c>); not a secret, it appears in the Authorization header.</param>
/// <param name="SecretAccessKey">The secret access key; only ever used as HMAC key material.</param>
/// <param name="SessionToken">The session token of temporary credentials (sent as <c>X-Amz-Security-Token</c>), or null.</param>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Credentials from <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>; null when the first two are not both set.</summary>
    public static AwsCredentials? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var id = environment("AWS_ACCESS_KEY_ID");
        var secret = environment("AWS_SECRET_ACCESS_KEY");
        var token = environment("AWS_SESSION_TOKEN");
        return string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)
            ? null
            : new AwsCredentials(id, secret, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Prints the key id only.</summary>
    public override string ToString() =>
        $"AWS credentials {AccessKeyId} (secret key {Http.SecretRedactor.Mask}{(SessionToken is null ? string.Empty : ", session token " + Http.SecretRedactor.Mask)})";
}
