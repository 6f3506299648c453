using HomelabManager.Hcl.Evaluation;

namespace HomelabManager.Hcl.Tests.Evaluation;

public sealed class HclNumberTests
{
    private static HclNumber N(string text) => HclNumber.Parse(text) ?? throw new FormatException(text);

    [Theory]
    [InlineData("5", "5")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5e-7", "0.00000015")]
    [InlineData("-2.50E+2", "-250")]
    [InlineData("0.000", "0")]
    [InlineData("3.14159265358979323846264338327950288419716939937510582097494459", "3.14159265358979323846264338327950288419716939937510582097494459")]
    public void NormalizedText(string text, string expected) => Assert.Equal(expected, N(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e999999")]
    [InlineData("abc")]
    public void RejectsInvalidText(string text) => Assert.Null(HclNumber.Parse(text));

    [Fact]
    public void ExactArithmetic()
    {
        Assert.Equal("0.3", N("0.1").Add(N("0.2")).ToString());
        Assert.Equal("-1.5", N("2").Subtract(N("3.5")).ToString());
        Assert.Equal("9", N("2").Multiply(N("4.5")).ToString());
        Assert.Equal("0.1", N("1").Divide(N("10"))!.ToString());
        Assert.Equal("0.8", N("11").Modulo(N("5.1"))!.ToString());
        Assert.Null(N("1").Divide(HclNumber.Zero));
        Assert.True(N("1.0") == N("1"));
        Assert.True(N("2") > N("1.99"));
    }

    [Fact]
    public void IntegerConversions()
    {
        Assert.True(N("1e3").TryGetInt64(out var thousand));
        Assert.Equal(1000, thousand);
        Assert.False(N("1.5").TryGetInt64(out _));
        Assert.False(N("1e30").TryGetInt64(out _));
        Assert.True(N("-2147483648").TryGetInt32(out var min));
        Assert.Equal(int.MinValue, min);
        Assert.False(N("2147483648").TryGetInt32(out _));
    }

    [Fact]
    public void SmallIntegersAreSharedAndKeepTheirValue()
    {
        Assert.Same(N("80"), N("80"));
        Assert.Same(HclNumber.FromInt64(4095), N("4095"));
        Assert.Equal("4095", N("4095").ToString());
        Assert.Equal("4096", N("4096").ToString());
        Assert.Equal("100", N("100").ToString());
        Assert.Equal(N("100"), HclNumber.FromDecimal(100m));
        Assert.Equal("-7", HclNumber.FromInt64(-7).ToString());
    }
}
