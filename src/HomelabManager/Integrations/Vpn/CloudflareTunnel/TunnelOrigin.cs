using System.Text.Json.Nodes;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>
/// Where this program's rules send traffic and the origin settings it sets on them: for an https origin
/// <c>matchSNItoHost</c> (the reverse proxy sees the public host name) and <c>noTLSVerify</c> unless the
/// certificate is to be verified.
/// </summary>
/// <param name="Service">The origin URL, e.g. <c>https://localhost:443</c>.</param>
/// <param name="VerifyTls">True to verify the origin's certificate.</param>
internal sealed record TunnelOrigin(string Service, bool VerifyTls)
{
    private bool IsHttps => Service.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings as (key, value); empty for a plain http origin.</summary>
    public IReadOnlyList<(string Key, bool Value)> Settings =>
        IsHttps ? [("matchSNItoHost", true), ("noTLSVerify", !VerifyTls)] : [];

    /// <summary>True when <paramref name="originRequest"/> has these settings (an absent key counts as false).</summary>
    public bool HasSettings(JsonObject? originRequest) =>
        Settings.All(s => ((originRequest?[s.Key] as JsonValue)?.TryGetValue<bool>(out var value) == true && value) == s.Value);

    /// <summary><paramref name="originRequest"/> (copied) with these settings; true values set, false ones removed; null when empty.</summary>
    public JsonObject? WithSettings(JsonObject? originRequest)
    {
        var result = originRequest is null ? new JsonObject() : (JsonObject)originRequest.DeepClone();
        foreach (var (key, value) in Settings)
        {
            if (value)
            {
                result[key] = true;
            }
            else
            {
                result.Remove(key);
            }
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>The settings in words, for plan output.</summary>
    public string Describe() =>
        Settings.Count == 0 ? "origin settings" : string.Join(", ", Settings.Select(s => $"{s.Key} {(s.Value ? "on" : "off")}"));
}
