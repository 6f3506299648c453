using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>
/// Serializes jobs to Nomad API JSON through the source-generated <see cref="NomadJobJsonContext"/>:
/// null fields are omitted, durations are integer nanoseconds, output is deterministic
/// (maps are built sorted) and uses <c>\n</c> line ends.
/// </summary>
internal static class NomadJobJson
{
    private static readonly NomadJobJsonContext Indented = new(CreateOptions(indented: true));
    private static readonly NomadJobJsonContext Compact = new(CreateOptions(indented: false));

    /// <summary>The register body <c>{"Job": …}</c> accepted by <c>PUT /v1/jobs</c> and <c>nomad job run -json</c>.</summary>
    public static string Serialize(NomadJobRegisterRequest request, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = indented ? Indented : Compact;
        return JsonSerializer.Serialize(request, context.NomadJobRegisterRequest);
    }

    /// <summary>The bare job object.</summary>
    public static string Serialize(NomadJob job, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(job);
        var context = indented ? Indented : Compact;
        return JsonSerializer.Serialize(job, context.NomadJob);
    }

    /// <summary>UTF-8 bytes of the compact bare job (the input of the job hash).</summary>
    public static byte[] SerializeToUtf8Bytes(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JsonSerializer.SerializeToUtf8Bytes(job, Compact.NomadJob);
    }

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = indented,
        NewLine = "\n",
        // The output is an HTTP body and a file for review, never HTML: keep `<`, `&`, backticks in
        // Traefik rules and non-ASCII text readable. Quotes, backslashes and control characters are
        // still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
