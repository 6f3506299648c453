using System.Text.Json.Serialization;

namespace HomelabManager.Commands.Configure;

/// <summary>What <c>configure --output json</c> prints: which keys changed, never their values.</summary>
/// <param name="File">The file, relative to the current folder.</param>
/// <param name="Written">True when the file was written (false when nothing changed).</param>
/// <param name="Created">True when the file did not exist before.</param>
/// <param name="Providers">The provider of each configured category after the run.</param>
/// <param name="Changed">Keys set, e.g. <c>dns.config.zone</c>, and removed sections.</param>
/// <param name="Dropped">Keys of replaced or removed providers' <c>config:</c> that are gone.</param>
internal sealed record ConfigureReport(
    string File,
    bool Written,
    bool Created,
    IReadOnlyDictionary<string, string> Providers,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Dropped);

/// <summary>Source-generated JSON for <see cref="ConfigureReport"/> (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ConfigureReport))]
internal sealed partial class ConfigureJsonContext : JsonSerializerContext;
