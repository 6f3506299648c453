using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Templates;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class RegistryTests
{
    [Fact]
    public void ScanFindsEveryProviderFolder()
    {
        var names = IntegrationRegistry.Default.Providers.Select(p => $"{IntegrationCategories.KeyOf(p.Category)}/{p.Name}").ToList();
        Assert.Superset(
            new HashSet<string> { "reverse_proxy/traefik", "reverse_proxy/nginx", "reverse_proxy/caddy", "auth/authelia", "auth/keycloak" },
            names.ToHashSet());
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void EveryProviderSitsInItsCategoryFolderAndDescribesItsOptions()
    {
        foreach (var provider in IntegrationRegistry.Default.Providers)
        {
            var folder = provider.Category.ToString();
            Assert.StartsWith($"HomelabManager.Integrations.{folder}.", provider.GetType().Namespace + ".", StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(provider.Description));
            Assert.Equal(provider.Options.Count, provider.Options.Select(o => o.Name).Distinct().Count());
            foreach (var option in provider.Options)
            {
                Assert.False(option.Required && option.Default is not null, $"{provider.Name}.{option.Name}: required with a default");
                Assert.True(option.Kind != OptionKind.Enum || option.AllowedValues.Count > 0, $"{provider.Name}.{option.Name}: enum without values");
                if (option.Default is { } value && option.Kind != OptionKind.Secret)
                {
                    Assert.Null(ProviderOptionValidator.KindProblem(option, value) ?? option.Validator?.Invoke(value));
                }
            }
        }
    }

    [Fact]
    public void EveryProviderTemplateIsEmbedded()
    {
        var templates = TemplateRenderer.BuiltInTemplates();
        Assert.Contains("Integrations/ReverseProxy/Traefik/traefik.yml.hbs", templates);
        Assert.Contains("Integrations/Auth/Authelia/configuration.yml.hbs", templates);
    }

    [Fact]
    public void RegistryRefusesTwoProvidersOfOneName()
    {
        var traefik = IntegrationRegistry.Default.Find(IntegrationCategory.ReverseProxy, "traefik")!;
        Assert.Throws<InvalidOperationException>(() => new IntegrationRegistry([traefik, traefik]));
    }

    [Fact]
    public void UnknownProviderGetsADidYouMean()
    {
        var plan = Plan(Yaml("reverse_proxy:\n  provider: traefic\n  config:\n    acme_email: a@example.com\n"), NoAuthServices);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM400", diagnostic.Code);
        Assert.Equal(4, diagnostic.Range.Start.Line);
        Assert.Contains("\"traefik\"", diagnostic.Detail, StringComparison.Ordinal);
    }
}
