using HomelabManager.Cli;
using HomelabManager.Tests.Cli;

namespace HomelabManager.Tests.Commands;

public class InitCommandTests
{
    [Fact]
    public async Task Init_scaffolds_a_homelab_that_validates_and_renders()
    {
        using var temp = new TempHomelab();
        var target = Path.Combine(temp.Directory, "lab");

        var init = await CliRunner.RunInAsync(temp.Directory, null, "init", "lab");

        Assert.True(init.ExitCode == ExitCodes.Ok, init.Error);
        Assert.Equal(
            [Path.Combine("lab", ".env.example"), Path.Combine("lab", ".gitignore"), Path.Combine("lab", "homelab.yaml"), Path.Combine("lab", "services", "whoami", "service.hcl")],
            temp.Files());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(target, "homelab.yaml")));
        }

        var validate = await CliRunner.RunInAsync(temp.Directory, null, "validate", "--dir", "lab");
        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.Error);
        Assert.Equal(string.Empty, validate.Error);

        var render = await CliRunner.RunInAsync(temp.Directory, null, "render", "--dir", "lab");
        Assert.Equal(ExitCodes.Ok, render.ExitCode);
        Assert.Contains("\"ID\": \"whoami\"", render.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_never_overwrites()
    {
        using var temp = new TempHomelab().Write("homelab.yaml", "mine\n");

        var result = await CliRunner.RunInAsync(temp.Directory, null, "init");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(temp.Directory, "homelab.yaml")));
        Assert.Equal(["homelab.yaml"], temp.Files());
    }
}
