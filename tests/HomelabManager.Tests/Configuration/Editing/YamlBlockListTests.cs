using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;
using HomelabManager.Hcl.Text;
using HomelabManager.Tests.Configuration;

namespace HomelabManager.Tests.Configuration.Editing;

public class YamlBlockListTests
{
    private static readonly KeyValuePair<string, string>[] Item =
    [
        new("name", "new"),
        new("public_key", "k+/="),
        new("address", "10.8.0.3/32"),
    ];

    private static (SourceText Source, ConfigMapping Config) Load(string yaml)
    {
        var result = LoaderTestHelpers.Parse(yaml);
        Assert.True(!result.HasErrors, LoaderTestHelpers.Describe(result.Diagnostics));
        return (result.Source!, result.Configuration!.Vpn!.Config);
    }

    private static string Append(string yaml)
    {
        var (source, config) = Load(yaml);
        Assert.True(YamlBlockList.TryAppend(source, config, "peers", Item, out var edit, out var error), error);
        var edited = edit.ApplyTo(yaml);
        var (_, reread) = Load(edited);
        var peers = Assert.IsType<ConfigSequence>(reread.Find("peers"));
        var last = Assert.IsType<ConfigMapping>(peers.Items[^1]);
        Assert.Equal(["new", "k+/=", "10.8.0.3/32"], last.Entries.Select(e => ((ConfigScalar)e.Value).Text));
        return edited;
    }

    private const string Head = "# top comment\nhomelab:\n  domain: lab.example.com\n\nvpn:\n  provider: wireguard   # trailing\n  config:\n";

    [Fact]
    public void Appends_after_the_last_item_keeping_comments_and_indentation()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    peers:\n    - name: a   # first\n      public_key: x\n      address: 10.8.0.2\n    # a comment after the list\n\n# DNS next\ndns:\n  provider: cloudflare\n";
        var edited = Append(yaml);
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n    peers:\n    - name: a   # first\n      public_key: x\n      address: 10.8.0.2\n" +
            "    - name: \"new\"\n      public_key: \"k+/=\"\n      address: \"10.8.0.3/32\"\n" +
            "    # a comment after the list\n\n# DNS next\ndns:\n  provider: cloudflare\n",
            edited);
    }

    [Fact]
    public void Creates_the_key_after_the_last_entry_of_the_mapping()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    endpoint: vpn.example.com # dyn dns\nauth:\n  provider: authelia\n";
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n    endpoint: vpn.example.com # dyn dns\n    peers:\n      - name: \"new\"\n        public_key: \"k+/=\"\n        address: \"10.8.0.3/32\"\nauth:\n  provider: authelia\n",
            Append(yaml));
    }

    [Theory]
    [InlineData("    peers: []   # none yet\n", "    peers:   # none yet\n")]
    [InlineData("    peers: ~\n", "    peers:\n")]
    [InlineData("    peers:\n", "    peers:\n")]
    public void Fills_an_empty_or_null_list(string line, string expectedLine)
    {
        var yaml = Head + "    address: 10.8.0.1/24\n" + line + "    endpoint: vpn.example.com\n";
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n" + expectedLine + "      - name: \"new\"\n        public_key: \"k+/=\"\n        address: \"10.8.0.3/32\"\n    endpoint: vpn.example.com\n",
            Append(yaml));
    }

    [Fact]
    public void Keeps_CRLF_and_a_missing_final_line_break()
    {
        var yaml = (Head + "    address: 10.8.0.1/24").Replace("\n", "\r\n", StringComparison.Ordinal);
        var edited = Append(yaml);
        Assert.StartsWith(yaml + "\r\n    peers:\r\n      - name: \"new\"\r\n", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", edited.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_flow_lists_that_have_items()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    peers: [{name: a, public_key: x, address: 10.8.0.2}]\n";
        var (source, config) = Load(yaml);
        Assert.False(YamlBlockList.TryAppend(source, config, "peers", Item, out _, out var error));
        Assert.Contains("one \"- \" item per line", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Removes_one_item_and_nothing_else()
    {
        var items = "    - name: a\n      public_key: x\n      address: 10.8.0.2\n    - name: b # bee\n      public_key: y\n      address: 10.8.0.3\n";
        var yaml = Head + "    peers:\n" + items + "    address: 10.8.0.1/24\n";
        var (source, config) = Load(yaml);
        var list = (ConfigSequence)config.Find("peers")!;
        Assert.True(YamlBlockList.TryRemove(source, list, 1, out var second, out _));
        Assert.Equal(Head + "    peers:\n    - name: a\n      public_key: x\n      address: 10.8.0.2\n    address: 10.8.0.1/24\n", second.ApplyTo(yaml));
        Assert.True(YamlBlockList.TryRemove(source, list, 0, out var first, out _));
        Assert.Equal(Head + "    peers:\n    - name: b # bee\n      public_key: y\n      address: 10.8.0.3\n    address: 10.8.0.1/24\n", first.ApplyTo(yaml));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with \"quotes\" and \\ backslash")]
    [InlineData("line\nbreak # and: colon")]
    [InlineData("- [x] {y} & *star")]
    public void Quoted_scalars_read_back_exactly(string value)
    {
        var result = LoaderTestHelpers.Parse("homelab:\n  domain: lab.example.com\nvpn:\n  provider: wireguard\n  config:\n    x: " + YamlScalarText.Quote(value) + "\n");
        Assert.Equal(value, ((ConfigScalar)result.Configuration!.Vpn!.Config.Find("x")!).Text);
    }
}
