using HomelabManager.Hcl.Schema;

namespace HomelabManager.Hcl.Tests.Schema;

public class SuggestionsTests
{
    private static readonly string[] TopLevel = ["homelab", "vpn", "dns", "reverse_proxy", "auth"];

    [Theory]
    [InlineData("homelb", "homelab")]
    [InlineData("hoemlab", "homelab")]
    [InlineData("reverse-proxy", "reverse_proxy")]
    [InlineData("reverseproxy", "reverse_proxy")]
    [InlineData("DNS", "dns")]
    [InlineData("dn", "dns")]
    [InlineData("auht", "auth")]
    public void ClosestMatch_finds_plausible_typos(string input, string expected) =>
        Assert.Equal(expected, Suggestions.ClosestMatch(input, TopLevel));

    [Theory]
    [InlineData("monitoring")]
    [InlineData("x")]
    [InlineData("")]
    public void ClosestMatch_gives_nothing_for_unrelated_names(string input) =>
        Assert.Null(Suggestions.ClosestMatch(input, TopLevel));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("domian", "domain", 1)]
    [InlineData("ab", "ba", 1)]
    public void EditDistance_counts_edits_with_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.EditDistance(a, b));

    [Fact]
    public void DidYouMean_is_a_sentence_or_empty()
    {
        Assert.Equal("Did you mean \"domain\"?", Suggestions.DidYouMean("domian", ["domain", "vault"]));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("zzzzzz", ["domain", "vault"]));
    }
}
