using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HomelabManager.Commands.Doctor;
using HomelabManager.Commands.Metrics;
using HomelabManager.Commands.Secrets;
using HomelabManager.Commands.Status;

namespace HomelabManager.Operations;

/// <summary>
/// Source-generated (NativeAOT-safe) JSON for the <c>--output json</c> documents of the operational
/// commands: camelCase names, indented, nulls written.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(MetricsReport))]
[JsonSerializable(typeof(SecretReport))]
[JsonSerializable(typeof(SecretListReport))]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class OperationsJsonContext : JsonSerializerContext;

/// <summary>Writes the operational reports: UTF-8 text such as <c>≥</c> stays readable (the output is JSON, not HTML).</summary>
internal static class OperationsJson
{
    private static readonly JsonSerializerOptions Options = new(OperationsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a report type registered on <see cref="OperationsJsonContext"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
}
