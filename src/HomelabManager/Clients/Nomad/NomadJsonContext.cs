using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>Source-generated (AOT-safe) JSON metadata for the Nomad client; property names are the exact API names.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(NomadJobRegisterResponse))]
[JsonSerializable(typeof(NomadJobDeregisterResponse))]
[JsonSerializable(typeof(NomadJobPlanRequest))]
[JsonSerializable(typeof(NomadJobPlanResponse))]
[JsonSerializable(typeof(List<NomadJobListStub>))]
[JsonSerializable(typeof(NomadJobDetail))]
[JsonSerializable(typeof(NomadEvaluation))]
[JsonSerializable(typeof(NomadDeployment))]
[JsonSerializable(typeof(List<NomadDeployment>))]
[JsonSerializable(typeof(List<NomadAllocationStub>))]
[JsonSerializable(typeof(NomadAllocation))]
[JsonSerializable(typeof(NomadAllocResourceUsage))]
[JsonSerializable(typeof(NomadLogFrame))]
[JsonSerializable(typeof(NomadHostVolumeCreateRequest))]
[JsonSerializable(typeof(NomadHostVolumeCreateResponse))]
[JsonSerializable(typeof(NomadHostVolume))]
[JsonSerializable(typeof(List<NomadHostVolumeStub>))]
[JsonSerializable(typeof(List<NomadNodeListStub>))]
[JsonSerializable(typeof(NomadAgentSelf))]
[JsonSerializable(typeof(string))]
internal sealed partial class NomadJsonContext : JsonSerializerContext;
