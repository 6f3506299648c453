using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Syntax;

/// <summary>Parsed lists share storage; they behave as ordinary read-only lists.</summary>
public sealed class SyntaxListTests
{
    private static readonly SourceRange Nowhere = SourceRange.At(new SourcePosition(1, 1, 0));

    [Fact]
    public void ParsedBodiesListItemsAttributesAndBlocksInSourceOrder()
    {
        var body = Hcl.ParseValid("a = 1\nb { }\nc = 2\nd \"x\" { }\ne = 3\n").Body;

        Assert.Equal(["a", "b", "c", "d", "e"], body.Items.Select(Name));
        Assert.Equal(["a", "c", "e"], body.Attributes.Select(a => a.Name));
        Assert.Equal(["b", "d"], body.Blocks.Select(b => b.Type));
        Assert.Equal("x", Assert.Single(body.Blocks[1].Labels).Value);
    }

    [Theory]
    [InlineData("a = 1\nb = 2\n", 2, 0)]
    [InlineData("a { }\nb { }\n", 0, 2)]
    [InlineData("", 0, 0)]
    [InlineData("a { b = 1 }\n", 0, 1)]
    public void BodiesOfOneKindOrNoneListThemOnce(string text, int attributes, int blocks)
    {
        var body = Hcl.ParseValid(text).Body;

        Assert.Equal(attributes + blocks, body.Items.Count);
        Assert.Equal(attributes, body.Attributes.Count);
        Assert.Equal(blocks, body.Blocks.Count);
    }

    [Fact]
    public void ListsOfEveryKindHoldTheirElements()
    {
        var call = Assert.IsType<FunctionCallExpression>(Hcl.Expression("f([1, 2, 3], { k = \"v\" }, \"x${y}z\")"));
        var tuple = Assert.IsType<TupleExpression>(call.Arguments[0]);
        var obj = Assert.IsType<ObjectExpression>(call.Arguments[1]);
        var template = Assert.IsType<TemplateExpression>(call.Arguments[2]);

        Assert.Equal(3, call.Arguments.Count);
        Assert.Equal(["1", "2", "3"], tuple.Elements.Select(e => ((LiteralExpression)e).Value.ToString()));
        Assert.Equal("k", Assert.Single(obj.Items).KeyName);
        Assert.Equal(3, template.Parts.Count);
    }

    [Fact]
    public void IndexingOutsideTheListThrows()
    {
        var elements = Assert.IsType<TupleExpression>(Hcl.Expression("[1, 2]")).Elements;

        Assert.Throws<ArgumentOutOfRangeException>(() => elements[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => elements[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(SyntaxList<ExpressionSyntax>)[0]);
    }

    [Fact]
    public void TheEmptyListIsTheDefault()
    {
        var empty = Assert.IsType<TupleExpression>(Hcl.Expression("[]")).Elements;

        Assert.Empty(empty);
        Assert.Equal(default, empty);
        Assert.Empty(default(SyntaxList<ExpressionSyntax>).ToArray());
        IReadOnlyList<ExpressionSyntax> boxed = empty;
        Assert.False(boxed.GetEnumerator().MoveNext());
    }

    [Fact]
    public void EnumeratingAsAnInterfaceAndDirectlyAgree()
    {
        var elements = Assert.IsType<TupleExpression>(Hcl.Expression("[a, b, c]")).Elements;
        var direct = new List<ExpressionSyntax>();
        foreach (var element in elements)
        {
            direct.Add(element);
        }

        IEnumerable<ExpressionSyntax> boxed = elements;
        Assert.Equal(direct, boxed.ToList());
        Assert.Equal(direct, elements.ToArray());
        Assert.Equal(elements[^1], direct[^1]);
    }

    [Fact]
    public void ListsAreEqualWhenTheyAreTheSameSlice()
    {
        var body = Hcl.ParseValid("a = 1\nb = 2\n").Body;

        Assert.True(body.Attributes == body.Attributes);
        Assert.Equal(body.Items.GetHashCode(), body.Items.GetHashCode());
        Assert.Equal<SyntaxNode>(body.Items, body.Attributes);
        Assert.True(SyntaxList.CopyOf(body.Items.ToArray()) != body.Items);
    }

    [Fact]
    public void HandBuiltNodesCopyTheListsTheyAreGiven()
    {
        var one = new LiteralExpression(HclNumber.FromInt64(1), Nowhere);
        var items = new List<ExpressionSyntax> { one };
        var tuple = new TupleExpression(items, Nowhere);
        items.Clear();

        Assert.Same(one, Assert.Single(tuple.Elements));
        Assert.Throws<ArgumentException>(() => SyntaxList.CopyOf<ExpressionSyntax>([one, null!]));
    }

    [Fact]
    public void HandBuiltBodiesSplitTheirItemsAndRejectOtherNodes()
    {
        var attribute = new AttributeSyntax("a", Nowhere, new LiteralExpression(HclBool.True, Nowhere), Nowhere);
        var block = new BlockSyntax("b", Nowhere, [], new Body([], Nowhere), Nowhere, Nowhere);
        var body = new Body([block, attribute], Nowhere);

        Assert.Equal<SyntaxNode>([block, attribute], body.Items);
        Assert.Same(attribute, Assert.Single(body.Attributes));
        Assert.Same(block, Assert.Single(body.Blocks));
        Assert.Throws<ArgumentException>(() => new Body([new LiteralExpression(HclBool.True, Nowhere)], Nowhere));
    }

    [Fact]
    public void APlainStringMakesItsLiteralPartOnceAndKeepsIt()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.Expression("\"plain\""));

        var first = template.Parts;
        var second = template.Parts;

        Assert.Same(first[0], second[0]);
        Assert.Equal("plain", template.LiteralValue);
        Assert.Equal(new SourceRange(new(1, 6, 5), new(1, 11, 10)), first[0].Range);
    }

    private static string Name(SyntaxNode node) => node switch
    {
        AttributeSyntax attribute => attribute.Name,
        BlockSyntax block => block.Type,
        _ => "?",
    };
}
