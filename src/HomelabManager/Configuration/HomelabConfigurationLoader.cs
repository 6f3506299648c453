using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration;

/// <summary>
/// Loads <c>homelab.yaml</c> and the optional <c>.env</c> beside it. Never throws on bad input: every problem is a
/// diagnostic with file, line and column, and as much of the model as could be read is returned.
/// </summary>
/// <remarks>
/// Placeholders in <c>homelab:</c> and in each section's <c>provider</c> are resolved here (they are always used);
/// placeholders inside provider <c>config</c> sections are resolved only by whoever uses the value.
/// Variables come from the real environment first, then <c>.env</c> (as docker compose does).
/// </remarks>
public static class HomelabConfigurationLoader
{
    /// <summary>The configuration file's name inside a homelab folder.</summary>
    public const string FileName = "homelab.yaml";

    /// <summary>The variables file's name beside <see cref="FileName"/>.</summary>
    public const string DotEnvFileName = ".env";

    /// <summary>Largest file read (1 MiB); a real homelab.yaml is a few KiB.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private static readonly string[] TopLevelKeys = ["homelab", "vpn", "dns", "reverse_proxy", "auth"];
    private static readonly string[] HomelabKeys = ["domain", "datacenters", "vault"];
    private static readonly string[] VaultKeys = ["kv_mount", "kv_version", "role"];
    private static readonly string[] SectionKeys = ["provider", "config"];

    /// <summary>Keys that would put per-node data into the cluster-wide file (HLM114).</summary>
    private static readonly HashSet<string> NodeSpecificKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "node", "nodes", "host", "hosts", "hostname", "hostnames", "server", "servers", "client", "clients",
        "machine", "machines", "node_ip", "node_ips", "ip", "ips", "ip_address", "ip_addresses", "address", "addresses",
        "interface", "interfaces",
    };

    /// <summary>Keys that hold connection settings, which come from the environment (HLM115).</summary>
    private static readonly HashSet<string> ConnectionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "nomad", "consul", "nomad_addr", "nomad_token", "consul_addr", "consul_http_addr", "consul_token",
        "consul_http_token", "vault_addr", "vault_token", "addr", "token",
    };

    /// <summary>
    /// Loads <paramref name="path"/>: a homelab folder (reads its <c>homelab.yaml</c>) or the file itself.
    /// <paramref name="environment"/> defaults to the process environment.
    /// </summary>
    public static ConfigurationLoadResult Load(string path, IVariableSource? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        environment ??= ProcessEnvironmentVariables.Instance;
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, FileName) : path;
        var diagnostics = new DiagnosticBag();
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)) ?? ".";
        var dotEnv = DotEnvFile.Load(System.IO.Path.Combine(directory, DotEnvFileName), diagnostics);
        var variables = new LayeredVariables(environment, dotEnv);

        var text = ReadText(file, diagnostics);
        if (text is null)
        {
            return new ConfigurationLoadResult(null, [.. diagnostics], variables, null);
        }

        var source = new SourceText(file, text);
        var (configuration, yamlDiagnostics) = Read(source, variables);
        return new ConfigurationLoadResult(configuration, [.. diagnostics, .. yamlDiagnostics], variables, source);
    }

    /// <summary>Parses homelab.yaml text already in memory, resolving placeholders against <paramref name="variables"/>.</summary>
    public static ConfigurationLoadResult Parse(SourceText source, IVariableSource variables)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(variables);
        var (configuration, diagnostics) = Read(source, variables);
        return new ConfigurationLoadResult(configuration, diagnostics, variables, source);
    }

    private static string? ReadText(string file, DiagnosticBag diagnostics)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                diagnostics.Add(ConfigurationDiagnostics.FileNotFound(file));
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                diagnostics.Add(ConfigurationDiagnostics.FileUnreadable(file,
                    $"The file is {info.Length} bytes; homelab.yaml may be at most {MaxFileBytes} bytes."));
                return null;
            }

            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(ConfigurationDiagnostics.FileUnreadable(file, ex.Message));
            return null;
        }
    }

    /// <summary>Reads the model; diagnostics come back in file order.</summary>
    private static (HomelabConfiguration? Configuration, Diagnostic[] Diagnostics) Read(SourceText source, IVariableSource variables)
    {
        var diagnostics = new DiagnosticBag();
        var configuration = ReadModel(source, variables, diagnostics);
        return (configuration, [.. diagnostics.OrderBy(d => d.Range.Start.Offset)]);
    }

    private static HomelabConfiguration? ReadModel(SourceText source, IVariableSource variables, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(source, diagnostics);
        if (root is null && diagnostics.HasErrors)
        {
            return null;
        }

        if (root is null or ConfigScalar { IsNull: true })
        {
            diagnostics.Add(ConfigurationDiagnostics.MissingKey(source.Path, SourceRange.At(SourcePosition.Start), "homelab", "at the top level",
                "homelab: { domain: lab.example.com }"));
            return new HomelabConfiguration(source.Path, DefaultSettings(), null, null, null, null);
        }

        if (root is not ConfigMapping mapping)
        {
            diagnostics.Add(ConfigurationDiagnostics.WrongType(source.Path, root.Range, "homelab.yaml", "a mapping of sections (homelab, dns, …)", root.Description));
            return null;
        }

        var reader = new SectionReader(variables, diagnostics);
        return reader.ReadRoot(mapping);
    }

    private static HomelabSettings DefaultSettings() =>
        new(string.Empty, SourceRange.At(SourcePosition.Start), ["*"], VaultSettings.Default);

    private sealed class SectionReader(IVariableSource variables, DiagnosticBag diagnostics)
    {
        public HomelabConfiguration ReadRoot(ConfigMapping root)
        {
            ReportUnknownKeys(root, TopLevelKeys);
            HomelabSettings settings;
            var homelab = root.GetMapping("homelab", diagnostics);
            if (homelab is null)
            {
                if (root.Find("homelab") is null or ConfigScalar { IsNull: true })
                {
                    diagnostics.Add(ConfigurationDiagnostics.MissingKey(root.Path, root.FindEntry("homelab")?.Key.Range ?? root.Range,
                        "homelab", "at the top level", "homelab: { domain: lab.example.com }"));
                }

                settings = DefaultSettings();
            }
            else
            {
                settings = ReadHomelab(homelab);
            }

            return new HomelabConfiguration(
                root.Path,
                settings,
                ReadSection(root, IntegrationCategory.Vpn),
                ReadSection(root, IntegrationCategory.Dns),
                ReadSection(root, IntegrationCategory.ReverseProxy),
                ReadSection(root, IntegrationCategory.Auth));
        }

        private HomelabSettings ReadHomelab(ConfigMapping homelab)
        {
            ReportUnknownKeys(homelab, HomelabKeys);

            var domain = string.Empty;
            var domainRange = homelab.OwnerRange;
            var domainValue = homelab.GetRequiredScalar("domain", "domain: lab.example.com", diagnostics);
            if (domainValue is not null)
            {
                domainRange = domainValue.Range;
                var text = domainValue.Resolve(variables, diagnostics);
                if (text is not null)
                {
                    var problem = DnsNames.DomainProblem(text);
                    if (problem is null)
                    {
                        domain = text.ToLowerInvariant();
                    }
                    else
                    {
                        diagnostics.Add(ConfigurationDiagnostics.InvalidValue(domainValue.Path, domainValue.Range, domainValue.KeyPath, problem));
                    }
                }
            }

            return new HomelabSettings(domain, domainRange, ReadDatacenters(homelab), ReadVault(homelab));
        }

        private IReadOnlyList<string> ReadDatacenters(ConfigMapping homelab)
        {
            string[] defaults = ["*"];
            var list = homelab.GetSequence("datacenters", diagnostics);
            if (list is null)
            {
                return defaults;
            }

            if (list.Items.Count == 0)
            {
                diagnostics.Add(ConfigurationDiagnostics.InvalidValue(list.Path, list.Range, list.KeyPath,
                    "List at least one Nomad datacenter, or remove the key to allow all (\"*\")."));
                return defaults;
            }

            var names = new List<string>();
            foreach (var item in list.Items)
            {
                if (item is not ConfigScalar { IsNull: false } scalar)
                {
                    diagnostics.Add(ConfigurationDiagnostics.WrongType(item.Path, item.Range, item.KeyPath, "a datacenter name", item.Description));
                    continue;
                }

                var name = scalar.Resolve(variables, diagnostics);
                if (name is null)
                {
                    continue;
                }

                if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                {
                    diagnostics.Add(ConfigurationDiagnostics.InvalidValue(scalar.Path, scalar.Range, scalar.KeyPath,
                        "A datacenter name is not empty and has no spaces; \"*\" and \"dc*\" patterns are allowed."));
                    continue;
                }

                names.Add(name);
            }

            return names.Count == 0 ? defaults : names;
        }

        private VaultSettings ReadVault(ConfigMapping homelab)
        {
            var vault = homelab.GetMapping("vault", diagnostics);
            if (vault is null)
            {
                return VaultSettings.Default;
            }

            ReportUnknownKeys(vault, VaultKeys);

            var mount = VaultSettings.DefaultKvMount;
            var mountValue = vault.GetScalar("kv_mount", diagnostics);
            if (mountValue?.Resolve(variables, diagnostics) is { } mountText)
            {
                var trimmed = mountText.Trim('/');
                if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace))
                {
                    diagnostics.Add(ConfigurationDiagnostics.InvalidValue(mountValue.Path, mountValue.Range, mountValue.KeyPath,
                        "Give the path of the KV secrets engine mount, e.g. \"secret\"."));
                }
                else
                {
                    mount = trimmed;
                }
            }

            var version = VaultSettings.DefaultKvVersion;
            var versionValue = vault.GetScalar("kv_version", diagnostics);
            if (versionValue is not null && versionValue.TryResolveInteger(variables, diagnostics, out var number))
            {
                if (number is 1 or 2)
                {
                    version = (int)number;
                }
                else
                {
                    diagnostics.Add(ConfigurationDiagnostics.InvalidValue(versionValue.Path, versionValue.Range, versionValue.KeyPath,
                        "The KV secrets engine version is 1 or 2."));
                }
            }

            var role = VaultSettings.DefaultRole;
            var roleValue = vault.GetScalar("role", diagnostics);
            if (roleValue?.Resolve(variables, diagnostics) is { } roleText)
            {
                if (roleText.Length == 0 || roleText.Any(char.IsWhiteSpace) || roleText.Contains('/', StringComparison.Ordinal))
                {
                    diagnostics.Add(ConfigurationDiagnostics.InvalidValue(roleValue.Path, roleValue.Range, roleValue.KeyPath,
                        "Give the name of a Vault JWT auth role, e.g. \"nomad-workloads\"."));
                }
                else
                {
                    role = roleText;
                }
            }

            return new VaultSettings(mount, version, role);
        }

        private IntegrationSection? ReadSection(ConfigMapping root, IntegrationCategory category)
        {
            var key = IntegrationCategories.KeyOf(category);
            var entry = root.FindEntry(key);
            var section = root.GetMapping(key, diagnostics);
            if (entry is null || section is null)
            {
                return null;
            }

            ReportUnknownKeys(section, SectionKeys);

            var provider = string.Empty;
            var providerRange = entry.Key.Range;
            var providerValue = section.GetRequiredScalar("provider", "provider: <name>", diagnostics);
            if (providerValue is not null)
            {
                providerRange = providerValue.Range;
                var name = providerValue.Resolve(variables, diagnostics);
                if (name is not null && !IsProviderName(name))
                {
                    diagnostics.Add(ConfigurationDiagnostics.InvalidValue(providerValue.Path, providerValue.Range, providerValue.KeyPath,
                        "A provider name is lower-case letters, digits and '_', e.g. \"cloudflare_tunnel\"."));
                }
                else if (name is not null)
                {
                    provider = name;
                }
            }

            var config = section.GetMapping("config", diagnostics)
                ?? ConfigMapping.Empty(section.Source, section.FindEntry("config")?.Value.Range ?? section.Range, $"{key}.config",
                    section.FindEntry("config")?.Key.Range);
            return new IntegrationSection(category, provider, providerRange, config, entry.Key.Range);
        }

        private void ReportUnknownKeys(ConfigMapping mapping, string[] known)
        {
            foreach (var entry in mapping.Entries)
            {
                if (known.Contains(entry.Name, StringComparer.Ordinal))
                {
                    continue;
                }

                var inVault = mapping.KeyPath == "homelab.vault";
                if (!inVault && NodeSpecificKeys.Contains(entry.Name))
                {
                    diagnostics.Add(ConfigurationDiagnostics.NodeSpecificData(mapping.Path, entry.Key.Range, entry.Name));
                }
                else if (ConnectionKeys.Contains(entry.Name) || (inVault && entry.Name == "address"))
                {
                    diagnostics.Add(ConfigurationDiagnostics.ConnectionSettings(mapping.Path, entry.Key.Range, entry.Name));
                }
                else if (mapping.KeyPath.Length == 0 && entry.Name == "vault")
                {
                    diagnostics.Add(ConfigurationDiagnostics.MisplacedKey(mapping.Path, entry.Key.Range, entry.Name,
                        "Vault settings (kv_mount, kv_version, role) go under \"homelab:\" as \"homelab.vault\"; the Vault address comes from VAULT_ADDR."));
                }
                else
                {
                    diagnostics.Add(ConfigurationDiagnostics.UnknownKey(mapping.Path, entry.Key.Range, entry.Name,
                        mapping.KeyPath.Length == 0 ? "at the top level" : $"under \"{mapping.KeyPath}\"", known));
                }
            }
        }

        private static bool IsProviderName(string name) =>
            name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
    }
}
