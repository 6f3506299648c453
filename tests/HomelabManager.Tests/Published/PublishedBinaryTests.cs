using System.Text.RegularExpressions;
using HomelabManager.Tests.Commands;

namespace HomelabManager.Tests.Published;

/// <summary>The shipped NativeAOT binary: warning-free publish, and the commands work without the JIT.</summary>
public partial class PublishedBinaryTests
{
    private static PublishedBinary Binary => PublishedBinary.Current;

    [Fact]
    public void Publish_has_no_trimming_or_aot_warnings()
    {
        // IL2104/IL3053 are the Handlebars.Net assembly's own, accepted by the project file.
        var warnings = IlWarning().Matches(Binary.PublishLog).Select(m => m.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [Fact]
    public void Version_runs()
    {
        var result = Binary.Run(RepositoryPaths.Root, "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Fact]
    public void Validate_and_render_the_example()
    {
        var validate = Binary.Run(RepositoryPaths.Root, "validate", "--dir", "examples/homelab");
        Assert.True(validate.ExitCode == 0, validate.Error);
        Assert.Contains("7 services are valid", validate.Out, StringComparison.Ordinal);

        var render = Binary.Run(RepositoryPaths.Root, "render", "--dir", "examples/homelab");
        Assert.True(render.ExitCode == 0, render.Error);
        Assert.Equal(RenderCommandTests.ExampleJobIds.Length, RenderCommandTests.Documents(render.Out).Count);

        var hcl = Binary.Run(RepositoryPaths.Root, "render", "nextcloud", "--dir", "examples/homelab", "--format", "hcl");
        Assert.Equal(0, hcl.ExitCode);
        Assert.StartsWith("job \"nextcloud\" {", hcl.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_input_gives_diagnostics_and_exit_two_without_a_stack_trace()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", "service {\n  name = \"web\"\n  container { imgae = \"x\" }\n}\n");
        var result = Binary.Run(lab.Directory, "validate", "--output", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"code\": \"HCL501\"", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_then_validate_with_the_binary()
    {
        using var lab = new TempHomelab();
        Assert.Equal(0, Binary.Run(lab.Directory, "init").ExitCode);
        var validate = Binary.Run(lab.Directory, "validate");
        Assert.True(validate.ExitCode == 0, validate.Error);
    }

    [GeneratedRegex(@"warning IL\d{4}[^\r\n]*")]
    private static partial Regex IlWarning();
}
