using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>The v4 envelope <c>{success, errors, messages, result, result_info}</c>; only <c>success</c> is always present.</summary>
internal sealed record CloudflareEnvelope<T>
{
    public bool Success { get; init; }

    public IReadOnlyList<CloudflareMessage>? Errors { get; init; }

    public IReadOnlyList<CloudflareMessage>? Messages { get; init; }

    public T? Result { get; init; }

    public CloudflareResultInfo? ResultInfo { get; init; }
}

/// <summary>An error or message item.</summary>
internal sealed record CloudflareMessage
{
    public int Code { get; init; }

    public string Message { get; init; } = string.Empty;
}

/// <summary>Pagination of list endpoints.</summary>
internal sealed record CloudflareResultInfo
{
    public int Page { get; init; }

    public int PerPage { get; init; }

    public int Count { get; init; }

    public int TotalCount { get; init; }

    public int TotalPages { get; init; }
}

/// <summary>A zone (only what the DNS provider needs).</summary>
internal sealed record CloudflareZone
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Status { get; init; }
}

/// <summary>The result of <c>GET /user/tokens/verify</c>.</summary>
internal sealed record CloudflareTokenStatus
{
    public string Id { get; init; } = string.Empty;

    /// <summary><c>active</c>, <c>disabled</c> or <c>expired</c>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>When it expires (ISO 8601), if ever.</summary>
    public string? ExpiresOn { get; init; }
}

/// <summary>A DNS record as returned (FQDN, lower case, no trailing dot).</summary>
internal sealed record CloudflareDnsRecord
{
    public string Id { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Content { get; init; } = string.Empty;

    public bool Proxied { get; init; }

    public int Ttl { get; init; }

    public string? Comment { get; init; }
}

/// <summary>The body of a create (POST), overwrite (PUT) or partial update (PATCH).</summary>
internal sealed record CloudflareDnsRecordRequest
{
    public string? Type { get; init; }

    public string? Name { get; init; }

    public string? Content { get; init; }

    /// <summary>1 = automatic.</summary>
    public int? Ttl { get; init; }

    public bool? Proxied { get; init; }

    public string? Comment { get; init; }
}

/// <summary>The result of a delete.</summary>
internal sealed record CloudflareDeleted
{
    public string Id { get; init; } = string.Empty;
}

/// <summary>Source-generated JSON metadata (Cloudflare's names are snake_case).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CloudflareEnvelope<List<CloudflareZone>>))]
[JsonSerializable(typeof(CloudflareEnvelope<List<CloudflareDnsRecord>>))]
[JsonSerializable(typeof(CloudflareEnvelope<CloudflareDnsRecord>))]
[JsonSerializable(typeof(CloudflareEnvelope<CloudflareDeleted>))]
[JsonSerializable(typeof(CloudflareEnvelope<CloudflareTokenStatus>))]
[JsonSerializable(typeof(CloudflareEnvelope<JsonElement>))]
[JsonSerializable(typeof(CloudflareDnsRecordRequest))]
[JsonSerializable(typeof(CloudflareEnvelope<CloudflareTunnelConfiguration>))]
[JsonSerializable(typeof(CloudflareTunnelConfigurationRequest))]
internal sealed partial class CloudflareJsonContext : JsonSerializerContext;
