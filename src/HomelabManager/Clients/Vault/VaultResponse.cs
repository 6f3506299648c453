namespace HomelabManager.Clients.Vault;

/// <summary>The envelope of every logical Vault response (<c>logical.HTTPResponse</c>, the keys we read).</summary>
internal sealed record VaultResponse<T>
{
    public string RequestId { get; init; } = string.Empty;

    public string LeaseId { get; init; } = string.Empty;

    public bool Renewable { get; init; }

    /// <summary>Seconds.</summary>
    public long LeaseDuration { get; init; }

    public T? Data { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }

    public string MountType { get; init; } = string.Empty;
}
