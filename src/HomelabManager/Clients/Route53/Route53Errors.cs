using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Route53;

/// <summary>How Route 53 reports errors: <c>ErrorResponse/Error/{Code,Message}</c> or the <c>InvalidChangeBatch</c> root.</summary>
internal static class Route53Errors
{
    /// <summary>The policy for one set of credentials (the secret key and token are masked should a server echo them).</summary>
    public static ApiErrorPolicy Policy(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var redactor = new SecretRedactor(credentials.SecretAccessKey, credentials.SessionToken);
        return new ApiErrorPolicy(
            (_, body) => redactor.Redact(Route53Xml.Error(body) is { } error ? $"{error.Code}: {error.Message}" : body),
            (status, message) => ApiErrorPolicy.IsClientError(status) && !ThrottlingCodes.Any(c => message.StartsWith(c + ":", StringComparison.Ordinal)))
        {
            IsThrottled = IsThrottled,
        };
    }

    /// <summary>The 400 codes that mean "not now" rather than "wrong" (contract §3.4): the request was not acted on.</summary>
    public static IReadOnlyList<string> ThrottlingCodes { get; } = ["Throttling", "PriorRequestNotComplete"];

    /// <summary>True for a 400 whose error code is one of <see cref="ThrottlingCodes"/>.</summary>
    public static bool IsThrottled(int status, string body) =>
        status == 400 && Route53Xml.Error(body) is { } error && ThrottlingCodes.Contains(error.Code, StringComparer.Ordinal);
}
