using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Source-generated (reflection-free, AOT-safe) serializer metadata for the job types.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(NomadJob))]
[JsonSerializable(typeof(NomadJobRegisterRequest))]
internal sealed partial class NomadJobJsonContext : JsonSerializerContext;
