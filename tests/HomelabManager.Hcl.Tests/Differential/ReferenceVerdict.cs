namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// HashiCorp's verdict on one file, as hcl2json-batch.mjs printed it: the converter's JSON text when accepted,
/// otherwise the first line of the error and the position and summary of its first diagnostic (null when it names
/// none).
/// </summary>
internal sealed record ReferenceVerdict(string File, bool Accepted, string? Json, string? Error, int? Line, int? Column, string? Summary);
