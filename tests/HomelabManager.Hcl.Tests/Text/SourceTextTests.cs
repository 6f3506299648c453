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
}
