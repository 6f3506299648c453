using CsCheck;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Text;

public class SourceTextTests
{
    [Fact]
    public void PositionAt_counts_lines_and_columns_from_one()
    {
        var text = new SourceText("a.hcl", "ab\ncd\r\nef");
        Assert.Equal(new SourcePosition(1, 1, 0), text.PositionAt(0));
        Assert.Equal(new SourcePosition(2, 2, 4), text.PositionAt(4));
        Assert.Equal(new SourcePosition(3, 1, 7), text.PositionAt(7));
        Assert.Equal("cd", text.LineText(2));
    }

    [Fact]
    public void PositionAt_counts_a_surrogate_pair_as_one_column()
    {
        var text = new SourceText("a.hcl", "\U0001D11Ex");
        Assert.Equal(2, text.PositionAt(2).Column);
    }

    /// <summary>PositionAt (whose line table is found 16 characters at a time) agrees with a plain character-by-character count.</summary>
    [Fact]
    public void PositionAt_matches_a_naive_count_on_random_texts()
    {
        var pieces = new[] { "a", "bc", " ", "\n", "\r\n", "\r", "\U0001F600", "\u00E9", "xxxxxxxxxxxxxxxxxxx" };
        Gen.Int[0, pieces.Length - 1].Array[0, 80].Sample(
            choice =>
            {
                var text = string.Concat(choice.Select(i => pieces[i]));
                var source = new SourceText("t", text);
                int line = 1, column = 1;
                for (var offset = 0; offset <= text.Length; offset++)
                {
                    Assert.Equal(new SourcePosition(line, column, offset), source.PositionAt(offset));
                    if (offset == text.Length)
                    {
                        break;
                    }

                    var c = text[offset];
                    if (c == '\n' || (c == '\r' && (offset + 1 == text.Length || text[offset + 1] != '\n')))
                    {
                        line++;
                        column = 1;
                    }
                    else if (!char.IsLowSurrogate(c))
                    {
                        column++;
                    }
                }
            },
            iter: 2000);
    }
}
