using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Consul;

/// <summary>Source-generated JSON metadata for the Consul client; property names are the exact API names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
[JsonSerializable(typeof(List<ConsulCatalogService>))]
[JsonSerializable(typeof(List<ConsulHealthEntry>))]
[JsonSerializable(typeof(ConsulAgentSelf))]
[JsonSerializable(typeof(string))]
internal sealed partial class ConsulJsonContext : JsonSerializerContext;
