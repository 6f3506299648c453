namespace HomelabManager.Integrations;

/// <summary>What kind of value a <see cref="ProviderOption"/> takes (drives validation and the wizard's prompt).</summary>
internal enum OptionKind
{
    /// <summary>Free text.</summary>
    String,

    /// <summary>A secret: a <c>vault:PATH#KEY</c> reference or a <c>${VAR}</c>; never echoed.</summary>
    Secret,

    /// <summary>One of <see cref="ProviderOption.AllowedValues"/>.</summary>
    Enum,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary>A DNS name (or a single label, e.g. a subdomain).</summary>
    Hostname,

    /// <summary>An e-mail address.</summary>
    Email,
}

/// <summary>One key of a provider's <c>config:</c> section, described as data.</summary>
/// <param name="Name">The YAML key, e.g. <c>acme_email</c>.</param>
/// <param name="Prompt">The wizard's question, e.g. "E-mail address for Let's Encrypt".</param>
/// <param name="Kind">What kind of value it takes.</param>
internal sealed record ProviderOption(string Name, string Prompt, OptionKind Kind)
{
    /// <summary>The value used when the key is absent (as YAML text); null for none.</summary>
    public string? Default { get; init; }

    /// <summary>True when the key must be given (it then has no <see cref="Default"/>).</summary>
    public bool Required { get; init; }

    /// <summary>The values an <see cref="OptionKind.Enum"/> accepts.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>
    /// For <see cref="OptionKind.Secret"/>: the value must be a <c>vault:</c> reference because a job reads it at run
    /// time (literal secrets never go into jobs). Otherwise <c>${VAR}</c> is accepted too.
    /// </summary>
    public bool VaultOnly { get; init; }

    /// <summary>Extra check of the (placeholder-free) value: an error message, or null when fine.</summary>
    public Func<string, string?>? Validator { get; init; }

    /// <summary>A line showing the key in use, for "missing key" fixes; defaults to <c>name: &lt;default&gt;</c>.</summary>
    public string? Example { get; init; }
}
