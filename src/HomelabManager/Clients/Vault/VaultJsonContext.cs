using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Vault;

/// <summary>Source-generated JSON metadata for the Vault client (Vault's names are snake_case).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(VaultResponse<VaultKvV2ReadData>))]
[JsonSerializable(typeof(VaultResponse<Dictionary<string, System.Text.Json.JsonElement>>))]
[JsonSerializable(typeof(VaultResponse<VaultKvMetadata>))]
[JsonSerializable(typeof(VaultResponse<VaultKvVersionMetadata>))]
[JsonSerializable(typeof(VaultResponse<VaultListData>))]
[JsonSerializable(typeof(VaultResponse<Dictionary<string, VaultMount>>))]
[JsonSerializable(typeof(VaultResponse<VaultTokenInfo>))]
[JsonSerializable(typeof(VaultKvV2WriteRequest))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(VaultHealth))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
