using System.Text.Json.Serialization;

namespace HomelabManager.Cli;

/// <summary>One diagnostic in the <c>--output json</c> report.</summary>
public sealed record DiagnosticJson(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn);

/// <summary>The <c>--output json</c> report of a command that checks input.</summary>
public sealed record DiagnosticReportJson(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>Source-generated JSON metadata for the CLI's own reports (no reflection under NativeAOT).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DiagnosticReportJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
