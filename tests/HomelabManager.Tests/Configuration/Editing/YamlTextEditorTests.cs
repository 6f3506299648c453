using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;
using HomelabManager.Tests.Configuration;
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

    // The edits `vpn peer add|remove` make: a mapping appended to vpn.config.peers, an item removed.
    private const string Head = "# top comment\nhomelab:\n  domain: lab.example.com\n\nvpn:\n  provider: wireguard   # trailing\n  config:\n";

    private static readonly string[] Peers = ["vpn", "config", "peers"];

    private static readonly YamlEditValue Peer = YamlEditValue.Mapping(
        new KeyValuePair<string, YamlEditValue>("name", YamlEditValue.Quoted("new")),
        new KeyValuePair<string, YamlEditValue>("public_key", YamlEditValue.Quoted("k+/=")),
        new KeyValuePair<string, YamlEditValue>("address", YamlEditValue.Quoted("10.8.0.3/32")));

    private const string PeerLines = "- name: \"new\"\n  public_key: \"k+/=\"\n  address: \"10.8.0.3/32\"\n";

    private static string AppendPeer(string yaml)
    {
        var editor = new YamlTextEditor(yaml);
        editor.AppendToSequence(Peers, Peer);
        var result = LoaderTestHelpers.Parse(editor.Text);
        Assert.True(!result.HasErrors, LoaderTestHelpers.Describe(result.Diagnostics));
        var peers = Assert.IsType<ConfigSequence>(result.Configuration!.Vpn!.Config.Find("peers"));
        var last = Assert.IsType<ConfigMapping>(peers.Items[^1]);
        Assert.Equal(["new", "k+/=", "10.8.0.3/32"], last.Entries.Select(e => ((ConfigScalar)e.Value).Text));
        return editor.Text;
    }

    private static string Indented(string lines, int indent) =>
        string.Concat(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => new string(' ', indent) + l + "\n"));

    [Fact]
    public void A_peer_goes_after_the_last_item_keeping_comments_and_indentation()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    peers:\n    - name: a   # first\n      public_key: x\n      address: 10.8.0.2\n    # a comment after the list\n\n# DNS next\ndns:\n  provider: cloudflare\n";
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n    peers:\n    - name: a   # first\n      public_key: x\n      address: 10.8.0.2\n" + Indented(PeerLines, 4) +
            "    # a comment after the list\n\n# DNS next\ndns:\n  provider: cloudflare\n",
            AppendPeer(yaml));
    }

    [Fact]
    public void The_peers_key_is_created_after_the_last_entry_of_its_mapping()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    endpoint: vpn.example.com # dyn dns\nauth:\n  provider: authelia\n";
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n    endpoint: vpn.example.com # dyn dns\n    peers:\n" + Indented(PeerLines, 6) + "auth:\n  provider: authelia\n",
            AppendPeer(yaml));
    }

    [Theory]
    [InlineData("    peers: []   # none yet\n", "    peers:   # none yet\n")]
    [InlineData("    peers: ~\n", "    peers:\n")]
    [InlineData("    peers: null # later\n", "    peers: # later\n")]
    [InlineData("    peers:\n", "    peers:\n")]
    public void An_empty_or_null_list_becomes_a_block_list(string line, string expectedLine)
    {
        var yaml = Head + "    address: 10.8.0.1/24\n" + line + "    endpoint: vpn.example.com\n";
        Assert.Equal(Head + "    address: 10.8.0.1/24\n" + expectedLine + Indented(PeerLines, 6) + "    endpoint: vpn.example.com\n", AppendPeer(yaml));
    }

    [Fact]
    public void CRLF_and_a_missing_final_line_break_are_kept()
    {
        var yaml = (Head + "    address: 10.8.0.1/24").Replace("\n", "\r\n", StringComparison.Ordinal);
        var edited = AppendPeer(yaml);
        Assert.Equal(yaml + "\r\n    peers:\r\n" + Indented(PeerLines, 6).TrimEnd('\n').Replace("\n", "\r\n", StringComparison.Ordinal), edited);

        var again = AppendPeer(edited);
        Assert.EndsWith("address: \"10.8.0.3/32\"\r\n      - name: \"new\"\r\n        public_key: \"k+/=\"\r\n        address: \"10.8.0.3/32\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", again.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_list_with_items_stays_a_flow_list()
    {
        var yaml = Head + "    address: 10.8.0.1/24\n    peers: [{name: a, public_key: x, address: 10.8.0.2}]   # c\n";
        Assert.Equal(
            Head + "    address: 10.8.0.1/24\n    peers: [{name: a, public_key: x, address: 10.8.0.2}, { name: \"new\", public_key: \"k+/=\", address: \"10.8.0.3/32\" }]   # c\n",
            AppendPeer(yaml));
    }

    [Theory]
    [InlineData("    peers: some text\n", "is not a list")]
    [InlineData("    peers: &p\n    - name: a\n    other: *p\n    more: *p\n", null)]
    [InlineData("    peers:\n      -\n        name: a\n", "each item on its own line")]
    public void What_cannot_be_edited_safely_is_refused_with_the_text_unchanged(string lines, string? message)
    {
        var yaml = Head + "    address: 10.8.0.1/24\n" + lines;
        var editor = new YamlTextEditor(yaml);
        if (message is null)
        {
            // An anchored list is a list: editing it is fine (and all aliases see the new item).
            editor.AppendToSequence(Peers, Peer);
            AssertParses(editor.Text);
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => editor.AppendToSequence(Peers, Peer));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("vpn.config.peers", error.Message, StringComparison.Ordinal);
        Assert.Equal(yaml, editor.Text);
        if (lines.Contains("- name", StringComparison.Ordinal) || lines.Contains("name: a", StringComparison.Ordinal))
        {
            Assert.Throws<InvalidOperationException>(() => editor.RemoveSequenceItem(Peers, 0));
            Assert.Equal(yaml, editor.Text);
        }
    }

    [Fact]
    public void Removing_an_item_takes_its_lines_and_nothing_else()
    {
        var items = "    - name: a\n      public_key: x\n      address: 10.8.0.2\n    - name: b # bee\n      public_key: y\n      # about b\n      address: 10.8.0.3\n      # still b\n";
        var yaml = Head + "    peers:\n" + items + "    # after the list\n    address: 10.8.0.1/24\n";

        var second = new YamlTextEditor(yaml);
        Assert.True(second.RemoveSequenceItem(Peers, 1));
        Assert.Equal(Head + "    peers:\n    - name: a\n      public_key: x\n      address: 10.8.0.2\n    # after the list\n    address: 10.8.0.1/24\n", second.Text);

        var first = new YamlTextEditor(yaml);
        Assert.True(first.RemoveSequenceItem(Peers, 0));
        Assert.Equal(Head + "    peers:\n    - name: b # bee\n      public_key: y\n      # about b\n      address: 10.8.0.3\n      # still b\n    # after the list\n    address: 10.8.0.1/24\n", first.Text);

        // The last item gone leaves "peers:" (null), which takes a new peer again.
        Assert.True(first.RemoveSequenceItem(Peers, 0));
        Assert.Equal(Head + "    peers:\n    # after the list\n    address: 10.8.0.1/24\n", first.Text);
        Assert.False(first.RemoveSequenceItem(Peers, 0));
        Assert.Equal(Head + "    peers:\n" + Indented(PeerLines, 6) + "    # after the list\n    address: 10.8.0.1/24\n", AppendPeer(first.Text));
    }

    [Fact]
    public void Removing_keeps_CRLF_and_handles_flow_lists()
    {
        var crlf = new YamlTextEditor("peers:\r\n  - a\r\n  - b\r\nnext: 1");
        Assert.True(crlf.RemoveSequenceItem(["peers"], 0));
        Assert.Equal("peers:\r\n  - b\r\nnext: 1", crlf.Text);

        var flow = new YamlTextEditor("l: [a, {x: 1}, c]   # c\n");
        Assert.True(flow.RemoveSequenceItem(["l"], 1));
        Assert.Equal("l: [a, c]   # c\n", flow.Text);
        Assert.True(flow.RemoveSequenceItem(["l"], 1));
        Assert.Equal("l: [a]   # c\n", flow.Text);
        Assert.True(flow.RemoveSequenceItem(["l"], 0));
        Assert.Equal("l: []   # c\n", flow.Text);
        Assert.False(flow.RemoveSequenceItem(["l"], 0));
        Assert.False(flow.RemoveSequenceItem(["missing"], 0));
        Assert.Throws<InvalidOperationException>(() => new YamlTextEditor("l: x\n").RemoveSequenceItem(["l"], 0));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with \"quotes\" and \\ backslash")]
    [InlineData("line\nbreak # and: colon")]
    [InlineData("- [x] {y} & *star")]
    [InlineData("10.8.0.3/32, fd08::3/128")]
    public void Quoted_scalars_are_double_quoted_and_read_back_exactly(string value)
    {
        var editor = new YamlTextEditor("homelab:\n  domain: lab.example.com\nvpn:\n  provider: wireguard\n  config:\n    x: old\n");
        editor.Set(["vpn", "config", "x"], YamlEditValue.Quoted(value));
        Assert.Contains("    x: \"", editor.Text, StringComparison.Ordinal);
        var result = LoaderTestHelpers.Parse(editor.Text);
        Assert.Equal(value, ((ConfigScalar)result.Configuration!.Vpn!.Config.Find("x")!).Text);
    }

    private static void AssertParses(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Single(stream.Documents);
    }
}
