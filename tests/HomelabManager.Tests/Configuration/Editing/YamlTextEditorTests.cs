using HomelabManager.Configuration.Editing;
using YamlDotNet.RepresentationModel;

namespace HomelabManager.Tests.Configuration.Editing;

public class YamlTextEditorTests
{
    private const string Commented = """
        # header comment
        homelab:
          domain: lab.example.com   # the domain
          datacenters: ["dc1"]

        # proxy section
        reverse_proxy:
          provider: traefik         # traefik | nginx
          config:
            acme_email: a@example.com
            http_port: 80
            # cert_resolver: letsencrypt
        # trailing comment
        """;

    [Fact]
    public void Replacing_a_scalar_keeps_its_trailing_comment_and_everything_else()
    {
        var editor = new YamlTextEditor(Commented);
        editor.SetScalar(["homelab", "domain"], "home.example.org");
        Assert.Equal(Commented.Replace("domain: lab.example.com", "domain: home.example.org", StringComparison.Ordinal), editor.Text);
    }

    [Fact]
    public void Setting_an_unchanged_value_keeps_the_text_byte_for_byte()
    {
        var text = "a:\n  b: 'quoted'   # c\n";
        var editor = new YamlTextEditor(text);
        editor.SetScalar(["a", "b"], "quoted");
        Assert.Equal(text, editor.Text);
    }

    [Fact]
    public void New_keys_follow_their_siblings_after_comments_indented_with_them()
    {
        var editor = new YamlTextEditor(Commented);
        editor.SetScalar(["reverse_proxy", "config", "https_port"], "8443");
        Assert.Contains("    # cert_resolver: letsencrypt\n    https_port: 8443\n# trailing comment", editor.Text, StringComparison.Ordinal);
        Assert.Equal("8443", editor.GetScalar("reverse_proxy", "config", "https_port"));
    }

    [Fact]
    public void Missing_parents_are_created_and_new_sections_get_a_blank_line()
    {
        var editor = new YamlTextEditor(Commented);
        editor.SetScalar(["dns", "config", "zone"], "example.com");
        editor.SetScalar(["dns", "provider"], "cloudflare");
        Assert.EndsWith("# trailing comment\n\ndns:\n  config:\n    zone: example.com\n  provider: cloudflare", editor.Text.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.StartsWith("# header comment\nhomelab:", editor.Text, StringComparison.Ordinal);
        AssertParses(editor.Text);
    }

    [Fact]
    public void An_empty_document_gets_its_first_keys()
    {
        var editor = new YamlTextEditor("# only a comment\n");
        editor.SetScalar(["homelab", "domain"], "lab.example.com");
        Assert.Equal("# only a comment\nhomelab:\n  domain: lab.example.com\n", editor.Text);
    }

    [Fact]
    public void A_null_value_becomes_a_mapping_under_its_key()
    {
        var editor = new YamlTextEditor("auth:\n  provider: authelia\n  config:   # none yet\nnext: 1\n");
        editor.SetScalar(["auth", "config", "subdomain"], "login");
        Assert.Equal("auth:\n  provider: authelia\n  config:   # none yet\n    subdomain: login\nnext: 1\n", editor.Text);
        AssertParses(editor.Text);
    }

    [Fact]
    public void Removing_a_key_takes_its_block_and_deeper_comments_only()
    {
        var editor = new YamlTextEditor(Commented);
        Assert.True(editor.Remove("reverse_proxy", "config"));
        Assert.Equal(Commented.Replace("  config:\n    acme_email: a@example.com\n    http_port: 80\n    # cert_resolver: letsencrypt\n", string.Empty, StringComparison.Ordinal), editor.Text);
        Assert.False(editor.Remove("reverse_proxy", "config"));
    }

    [Fact]
    public void Replacing_a_mapping_writes_the_new_block_in_place()
    {
        var editor = new YamlTextEditor(Commented);
        editor.Set(["reverse_proxy", "config"], YamlEditValue.Mapping(
            new KeyValuePair<string, YamlEditValue>("http_port", YamlEditValue.Scalar("8080"))));
        Assert.Contains("  provider: traefik         # traefik | nginx\n  config:\n    http_port: 8080\n# trailing comment", editor.Text, StringComparison.Ordinal);
        AssertParses(editor.Text);
    }

    [Fact]
    public void Flow_collections_are_edited_in_flow_style()
    {
        var editor = new YamlTextEditor("homelab: { domain: a.example.com }\nlist: [a]\nempty: []\n");
        editor.SetScalar(["homelab", "datacenters"], "x, y");
        editor.AppendToSequence(["list"], YamlEditValue.Scalar("b"));
        editor.AppendToSequence(["empty"], YamlEditValue.Scalar("*"));
        Assert.Equal("homelab: { domain: a.example.com, datacenters: \"x, y\" }\nlist: [a, b]\nempty: [\"*\"]\n", editor.Text);
        AssertParses(editor.Text);
    }

    [Fact]
    public void Block_lists_get_items_at_the_same_indentation_including_mappings()
    {
        var editor = new YamlTextEditor("vpn:\n  peers:\n    - name: laptop   # mine\n      ip: 10.0.0.2\nother: x\n");
        editor.AppendToSequence(["vpn", "peers"], YamlEditValue.Mapping(
            new KeyValuePair<string, YamlEditValue>("name", YamlEditValue.Scalar("phone")),
            new KeyValuePair<string, YamlEditValue>("ip", YamlEditValue.Scalar("10.0.0.3"))));
        editor.AppendToSequence(["vpn", "new_list"], YamlEditValue.Scalar("one"));
        Assert.Equal("vpn:\n  peers:\n    - name: laptop   # mine\n      ip: 10.0.0.2\n    - name: phone\n      ip: 10.0.0.3\n  new_list:\n    - one\nother: x\n", editor.Text);
        AssertParses(editor.Text);
    }

    [Fact]
    public void Windows_line_endings_are_kept()
    {
        var editor = new YamlTextEditor("a:\r\n  b: 1\r\n");
        editor.SetScalar(["a", "c"], "2");
        Assert.Equal("a:\r\n  b: 1\r\n  c: 2\r\n", editor.Text);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("vault:secret/x#key")]
    [InlineData("${TOKEN}")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("*")]
    [InlineData("a: b")]
    [InlineData("x #y")]
    [InlineData("line\nbreak\t\"q\" \\")]
    [InlineData(" padded ")]
    [InlineData("-5")]
    [InlineData("- item")]
    [InlineData("{x}")]
    [InlineData("ünïcode ✓")]
    public void Any_string_reads_back_unchanged(string value)
    {
        var editor = new YamlTextEditor("root:\n  key: old # c\n");
        editor.SetScalar(["root", "key"], value);
        var stream = new YamlStream();
        stream.Load(new StringReader(editor.Text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var inner = (YamlMappingNode)root.Children[new YamlScalarNode("root")];
        Assert.Equal(value, ((YamlScalarNode)inner.Children[new YamlScalarNode("key")]).Value);
        Assert.EndsWith(" # c\n", editor.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_replaced_keeps_its_style_and_leaves_nothing_behind()
    {
        var editor = new YamlTextEditor("homelab:\n  datacenters: [\"*\"]   # all\n  block:\n    - a\n  vault:\n    role: r\n");
        editor.Set(["homelab", "datacenters"], YamlEditValue.Sequence(YamlEditValue.Scalar("dc1"), YamlEditValue.Scalar("dc2")));
        editor.Set(["homelab", "block"], YamlEditValue.Sequence(YamlEditValue.Scalar("b"), YamlEditValue.Scalar("c")));
        Assert.Equal("homelab:\n  datacenters: [dc1, dc2]   # all\n  block:\n    - b\n    - c\n  vault:\n    role: r\n", editor.Text);
        editor.Set(["homelab", "vault"], YamlEditValue.Scalar("x"));
        Assert.Equal("homelab:\n  datacenters: [dc1, dc2]   # all\n  block:\n    - b\n    - c\n  vault: x\n", editor.Text);
    }

    [Fact]
    public void Setting_through_a_scalar_is_refused()
    {
        var editor = new YamlTextEditor("a: 1\n");
        Assert.Throws<InvalidOperationException>(() => editor.SetScalar(["a", "b"], "x"));
    }

    private static void AssertParses(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Single(stream.Documents);
    }
}
