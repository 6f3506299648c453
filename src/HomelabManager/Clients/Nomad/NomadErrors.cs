using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Nomad;

/// <summary>How Nomad reports errors: plain-text bodies; validation and EnforceIndex failures are HTTP 500.</summary>
internal static class NomadErrors
{
    /// <summary>Prefix of every EnforceIndex conflict (the Nomad CLI string-matches it too).</summary>
    public const string EnforceIndexPrefix = "Enforcing job modify index";

    /// <summary>
    /// 4xx (except 429) are user errors; so is a 500 whose text is a go-multierror listing
    /// (<c>1 error occurred:</c> — job validation) or an EnforceIndex conflict. Other 500s (no leader,
    /// internal errors) are server faults. None of them is retried.
    /// </summary>
    public static ApiErrorPolicy Policy { get; } = new(
        (_, body) => body,
        (status, message) => ApiErrorPolicy.IsClientError(status)
            || (status == 500 && (IsMultiError(message) || message.Contains(EnforceIndexPrefix, StringComparison.Ordinal))));

    /// <summary>True when a register failed because the job changed since it was planned (or exists/does not exist).</summary>
    public static bool IsEnforceIndexConflict(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is { Api: "Nomad", StatusCode: 500 }
            && exception.ServerMessage.Contains(EnforceIndexPrefix, StringComparison.Ordinal);
    }

    private static bool IsMultiError(string message) =>
        message.Contains(" error occurred:", StringComparison.Ordinal) || message.Contains(" errors occurred:", StringComparison.Ordinal);
}
