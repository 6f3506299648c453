using HomelabManager.Configuration;
using HomelabManager.Integrations;

namespace HomelabManager.Tests.Integrations;

public sealed class ExampleIntegrationTests
{
    [Fact]
    public void ExampleReverseProxyAndAuthSectionsValidate()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "examples", "homelab", "homelab.yaml")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        Assert.NotNull(directory);
        var result = HomelabConfigurationLoader.Load(
            Path.Combine(directory, "examples", "homelab", "homelab.yaml"),
            new DictionaryVariables(new Dictionary<string, string> { ["ACME_EMAIL"] = "admin@example.com" }));
        Assert.NotNull(result.Configuration);
        var diagnostics = new IntegrationPipeline(IntegrationRegistry.Default).Validate(result.Configuration);
        var ours = diagnostics.Where(d => !d.Code.Equals("HLM400", StringComparison.Ordinal) || d.Summary.Contains("reverse_proxy", StringComparison.Ordinal) || d.Summary.Contains("auth", StringComparison.Ordinal));
        Assert.Empty(ours);
    }
}
