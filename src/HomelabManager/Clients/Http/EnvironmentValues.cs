namespace HomelabManager.Clients.Http;

/// <summary>Reads connection settings from an injected environment lookup (never the process environment directly).</summary>
internal static class EnvironmentValues
{
    /// <summary>The first non-empty value: the flag, else the environment variable.</summary>
    public static string? Pick(string? flag, Func<string, string?> environment, string variable)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        var value = environment(variable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Go's <c>strconv.ParseBool</c>: <c>1 t T TRUE true True</c> and <c>0 f F FALSE false False</c>;
    /// anything else is null (the HashiCorp CLIs ignore invalid values, so verification stays on).
    /// </summary>
    public static bool? ParseGoBool(string? value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
