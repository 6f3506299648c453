using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HomelabManager.Tests.Doubles.Cloudflare;

/// <summary>
/// Remotely-managed tunnel configurations (<c>contracts/dns-vpn-auth.md</c> §2.2):
/// <c>GET</c>/<c>PUT /accounts/:account_id/cfd_tunnel/:tunnel_id/configurations</c>. Strict: unknown fields in the
/// body, the config, a rule or an <c>originRequest</c> are 400; the ingress is checked with cloudflared's rules
/// (written here independently of the program) and rejected with code 1056
/// <c>Bad Configuration: Validation failed: …</c>; every stored configuration gets the next version.
/// </summary>
internal sealed partial class CloudflareDouble
{
    /// <summary>The code of a rejected tunnel configuration.</summary>
    public const int BadConfiguration = 1056;

    private static readonly HashSet<string> ConfigFields = ["ingress", "originRequest", "warp-routing"];
    private static readonly HashSet<string> RuleFields = ["hostname", "path", "service", "originRequest"];
    private static readonly HashSet<string> OriginRequestFields =
    [
        "connectTimeout", "tlsTimeout", "tcpKeepAlive", "noHappyEyeballs", "keepAliveConnections", "keepAliveTimeout", "httpHostHeader",
        "originServerName", "matchSNItoHost", "caPool", "noTLSVerify", "disableChunkedEncoding", "bastionMode", "proxyAddress", "proxyPort",
        "proxyType", "ipRules", "http2Origin", "access",
    ];

    private readonly Dictionary<(string Account, string Tunnel), TunnelState> _tunnels = [];

    /// <summary>Adds a tunnel without configuration; returns its id (a UUID).</summary>
    public string AddTunnel(string accountId, string? tunnelId = null)
    {
        tunnelId ??= Guid.NewGuid().ToString("D");
        lock (_lock)
        {
            _tunnels[(accountId, tunnelId)] = new TunnelState();
        }

        return tunnelId;
    }

    /// <summary>Stores <paramref name="config"/> directly (as if edited in the dashboard), unchecked.</summary>
    public void SetTunnelConfiguration(string accountId, string tunnelId, JsonObject config)
    {
        lock (_lock)
        {
            var state = _tunnels[(accountId, tunnelId)];
            state.Config = (JsonObject)config.DeepClone();
            state.Version++;
        }
    }

    /// <summary>A copy of the tunnel's stored config, or null when it has none.</summary>
    public JsonObject? TunnelConfiguration(string accountId, string tunnelId)
    {
        lock (_lock)
        {
            return _tunnels[(accountId, tunnelId)].Config?.DeepClone() as JsonObject;
        }
    }

    /// <summary>The tunnel's configuration version (0 before the first PUT).</summary>
    public int TunnelVersion(string accountId, string tunnelId)
    {
        lock (_lock)
        {
            return _tunnels[(accountId, tunnelId)].Version;
        }
    }

    /// <summary>The rules of the stored ingress as <c>hostname → service</c> (<c>""</c> for the catch-all), in order.</summary>
    public IReadOnlyList<(string Hostname, string Service)> TunnelIngress(string accountId, string tunnelId) =>
        [.. (TunnelConfiguration(accountId, tunnelId)?["ingress"]?.AsArray() ?? [])
            .Select(r => ((string?)r!["hostname"] ?? string.Empty, (string)r["service"]!))];

    /// <summary>cloudflared's ingress checks (<c>ingress/ingress.go</c>), exact messages; null when valid.</summary>
    internal static string? IngressProblem(JsonArray? ingress)
    {
        if (ingress is null || ingress.Count == 0)
        {
            return "The config file doesn't contain any ingress rules";
        }

        for (var i = 0; i < ingress.Count; i++)
        {
            var rule = ingress[i]!.AsObject();
            var hostname = (string?)rule["hostname"] ?? string.Empty;
            var path = (string?)rule["path"] ?? string.Empty;
            if (hostname.Contains(':', StringComparison.Ordinal))
            {
                return "Hostname cannot contain a port";
            }

            if (hostname.LastIndexOf('*') > 0)
            {
                return "Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\"";
            }

            var service = (string?)rule["service"] ?? string.Empty;
            if (!service.StartsWith("http_status:", StringComparison.Ordinal) && !Uri.TryCreate(service, UriKind.Absolute, out _))
            {
                return $"{service} is an invalid address, please make sure it has a scheme and a hostname";
            }

            var catchAll = (hostname.Length == 0 || hostname == "*") && path.Length == 0;
            if (catchAll && i < ingress.Count - 1)
            {
                return $"Rule #{i + 1} is matching the hostname '{hostname}', but this will match every hostname, meaning the rules which follow it will never be triggered.";
            }

            if (!catchAll && i == ingress.Count - 1)
            {
                return "The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)";
            }
        }

        return null;
    }

    private void MapTunnelEndpoints(RouteGroupBuilder api)
    {
        const string route = "/accounts/{account}/cfd_tunnel/{tunnel}/configurations";
        api.MapGet(route, (HttpContext c, string account, string tunnel) => Authorized(c, () => GetTunnel(account, tunnel)));
        api.MapPut(route, (HttpContext c, string account, string tunnel) => Authorized(c, () => PutTunnelAsync(c, account, tunnel)));
    }

    private IResult GetTunnel(string account, string tunnel)
    {
        lock (_lock)
        {
            return TunnelResult(account, tunnel) ?? Success(Configuration(account, tunnel, _tunnels[(account, tunnel)]));
        }
    }

    private async Task<IResult> PutTunnelAsync(HttpContext context, string account, string tunnel)
    {
        lock (_lock)
        {
            if (TunnelResult(account, tunnel) is { } missing)
            {
                return missing;
            }
        }

        if (await ReadBodyAsync(context) is not { } body || body["config"] is not JsonObject config)
        {
            return Error(400, 9207, "Request body is invalid.");
        }

        var unknown = body.Select(p => p.Key).Where(k => k != "config")
            .Concat(config.Select(p => p.Key).Where(k => !ConfigFields.Contains(k)))
            .Concat((config["ingress"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key).Where(k => !RuleFields.Contains(k))))
            .Concat(new[] { config["originRequest"] }.Concat((config["ingress"] as JsonArray ?? []).OfType<JsonObject>().Select(r => r["originRequest"]))
                .OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key).Where(k => !OriginRequestFields.Contains(k))))
            .FirstOrDefault();
        if (unknown is not null)
        {
            return Error(400, 9207, $"Unknown field {unknown}");
        }

        if (config["ingress"] is not null and not JsonArray || (config["ingress"] as JsonArray)?.Any(r => r is not JsonObject || r["service"] is null) == true)
        {
            return Error(400, 9207, "Request body is invalid.");
        }

        if (IngressProblem(config["ingress"] as JsonArray) is { } problem)
        {
            return Error(400, BadConfiguration, "Bad Configuration: Validation failed: " + problem);
        }

        lock (_lock)
        {
            var state = _tunnels[(account, tunnel)];
            state.Config = (JsonObject)config.DeepClone();
            state.Version++;
            return Success(Configuration(account, tunnel, state));
        }
    }

    private IResult? TunnelResult(string account, string tunnel)
    {
        if (!_tunnels.Keys.Any(k => k.Account == account))
        {
            return Error(403, 10000, "Authentication error");
        }

        return _tunnels.ContainsKey((account, tunnel)) ? null : Error(404, 1003, "Tunnel not found");
    }

    private static JsonObject Configuration(string account, string tunnel, TunnelState state) => new()
    {
        ["account_id"] = account,
        ["tunnel_id"] = tunnel,
        ["version"] = state.Version,
        ["config"] = state.Config?.DeepClone(),
        ["source"] = "cloudflare",
        ["created_at"] = "2024-01-01T00:00:00.000000Z",
    };

    private sealed class TunnelState
    {
        public int Version { get; set; }

        public JsonObject? Config { get; set; }
    }
}
