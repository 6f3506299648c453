using HomelabManager.Cli;
using HomelabManager.Commands;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Schema;
using HomelabManager.Homelab;
using Spectre.Console;

namespace HomelabManager.Operations;

/// <summary>
/// The homelab and the services an operational command (logs, status, metrics) is about. Unknown
/// names are the user's error: exit 2 with a "did you mean".
/// </summary>
internal sealed record ServiceSelection(LoadedHomelab Homelab, IReadOnlyList<ServiceDefinition> Services)
{
    /// <summary>
    /// Loads the homelab and picks <paramref name="names"/> (all services when empty). Null when the
    /// homelab has errors or a name is unknown; the reason was printed and <see cref="ExitCodes.InvalidInput"/> applies.
    /// </summary>
    public static ServiceSelection? Load(CommandEnvironment environment, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(names);
        var homelab = HomelabInput.Load(environment, reportWhenValid: false);
        if (homelab.HasErrors)
        {
            return null;
        }

        if (names.Count == 0)
        {
            return new ServiceSelection(homelab, [.. homelab.Services.Select(s => s.Definition)]);
        }

        var byName = homelab.Services.ToDictionary(s => s.Definition.Name, s => s.Definition, StringComparer.Ordinal);
        var unknown = names.Where(n => !byName.ContainsKey(n)).ToList();
        foreach (var name in unknown)
        {
            var suggestion = Suggestions.DidYouMean(name, byName.Keys);
            environment.ErrorConsole.MarkupLine(
                $"[red]error:[/] no service named \"{Markup.Escape(name)}\" in {Markup.Escape(environment.Relative(homelab.Directory))}. {Markup.Escape(suggestion)}".TrimEnd());
        }

        return unknown.Count > 0 ? null : new ServiceSelection(homelab, [.. names.Distinct(StringComparer.Ordinal).Select(n => byName[n])]);
    }

    /// <summary><c>https://&lt;subdomain|name&gt;.&lt;domain&gt;</c> for a public service; null when private or no domain is configured.</summary>
    public string? PublicUrl(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var domain = Homelab.Configuration?.Homelab.Domain;
        return service.PublicAccess && !string.IsNullOrEmpty(domain)
            ? $"https://{service.Subdomain ?? service.Name}.{domain}"
            : null;
    }
}
