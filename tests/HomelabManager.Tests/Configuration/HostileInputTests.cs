using System.Text;
using HomelabManager.Configuration;
using static HomelabManager.Tests.Configuration.LoaderTestHelpers;

namespace HomelabManager.Tests.Configuration;

/// <summary>Bad input of every kind ends in diagnostics, never an exception or a crash.</summary>
public class HostileInputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Binary_garbage_gives_diagnostics_not_exceptions(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        using var directory = new TempDirectory();
        File.WriteAllBytes(Path.Combine(directory.Path, "homelab.yaml"), bytes);
        File.WriteAllBytes(Path.Combine(directory.Path, ".env"), bytes);
        var result = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Control_characters_give_diagnostics()
    {
        var result = Parse("homelab:\n  domain: \u0000\u0001\u0002\u001b[31m\n");
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_without_reading_it()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "homelab.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(HomelabConfigurationLoader.MaxFileBytes + 1);
        }

        var result = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM101", diagnostic.Code);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Large_file_under_the_limit_loads()
    {
        var builder = new StringBuilder("homelab:\n  domain: lab.example.com\ndns:\n  provider: cloudflare\n  config:\n");
        for (var i = 0; builder.Length < 900_000; i++)
        {
            builder.Append("    key").Append(i).Append(": value ").Append(i).Append('\n');
        }

        var result = Parse(builder.ToString());
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Configuration!.Dns!.Config.Entries.Count > 10_000);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void Deep_flow_nesting_is_refused(int depth)
    {
        var result = Parse("homelab:\n  domain: lab.example.com\ndns: " + new string('[', depth) + new string(']', depth) + "\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM104", diagnostic.Code);
        Assert.Equal(3, diagnostic.Range.Start.Line);
    }

    [Fact]
    public void Deep_block_nesting_is_refused()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            builder.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        var result = Parse(builder.ToString());
        Assert.Equal("HLM104", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Nesting_within_the_limit_is_fine()
    {
        const int depth = YamlTreeReader.MaxDepth - 3;
        var result = Parse("homelab:\n  domain: lab.example.com\ndns:\n  provider: x\n  config:\n    deep: "
            + new string('[', depth) + new string(']', depth) + "\n");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Alias_bomb_is_refused()
    {
        var yaml = new StringBuilder("homelab:\n  domain: lab.example.com\ndns:\n  provider: x\n  config:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"    a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        var result = Parse(yaml.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM104", diagnostic.Code);
    }

    [Fact]
    public void Small_aliases_work()
    {
        var result = Parse("homelab:\n  domain: &d lab.example.com\ndns:\n  provider: x\n  config:\n    zone: *d\n");
        Assert.Empty(result.Diagnostics);
        var zone = Assert.IsType<ConfigScalar>(result.Configuration!.Dns!.Config.Find("zone"));
        Assert.Equal("lab.example.com", zone.Text);
        Assert.Equal("dns.config.zone", zone.KeyPath);
    }

    [Fact]
    public void Complex_keys_are_reported_not_thrown()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n? [a, b]\n: value\n");
        Assert.Equal("HLM112", Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("homelab:\n\tdomain: x\n")]
    [InlineData("'unterminated")]
    [InlineData("homelab: {domain: x\n")]
    [InlineData("%YAML 9.9\n---\nhomelab: {}\n")]
    [InlineData("!!binary x: y\n")]
    [InlineData("&a [*a]\n")]
    [InlineData("homelab: !custom {domain: lab.example.com}\n")]
    [InlineData("\uFEFFhomelab:\n  domain: lab.example.com\n")]
    [InlineData("homelab:\r\n  domain: lab.example.com\r\n")]
    public void Odd_yaml_never_throws(string yaml)
    {
        var exception = Record.Exception(() => Parse(yaml));
        Assert.Null(exception);
    }

    [Fact]
    public void Directory_named_like_the_file_is_a_diagnostic()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, "homelab.yaml"));
        var result = HomelabConfigurationLoader.Load(Path.Combine(directory.Path, "homelab.yaml", "missing.yaml"), DictionaryVariables.Empty);
        Assert.Equal("HLM100", Assert.Single(result.Diagnostics).Code);
    }
}
