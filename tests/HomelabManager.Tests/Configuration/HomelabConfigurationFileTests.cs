using HomelabManager.Configuration;

namespace HomelabManager.Tests.Configuration;

public class HomelabConfigurationFileTests
{
    [Fact]
    public void Save_writes_a_private_file_that_loads_back()
    {
        using var directory = new TempDirectory();
        HomelabConfigurationFile.Save(directory.Path, "homelab:\n  domain: lab.example.com\n");
        var path = HomelabConfigurationFile.PathIn(directory.Path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var result = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("lab.example.com", result.Configuration!.Homelab.Domain);
    }
}
