using System.Text.Json.Serialization;
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
