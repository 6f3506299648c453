using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>source.name</c>.</summary>
public sealed class GetAttributeExpression : ExpressionSyntax
{
    /// <summary>Creates the node with explicit ranges.</summary>
    public GetAttributeExpression(ExpressionSyntax source, string name, SourceRange nameRange, SourceRange range)
        : base([range, nameRange])
    {
        Source = source;
        Name = name;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="text"/>; the name is the text at its end.</summary>
    internal GetAttributeExpression(ExpressionSyntax source, string name, SourceText text, int start, int end)
        : base(text, start, end)
    {
        Source = source;
        Name = name;
    }

    /// <summary>The value the attribute is read from.</summary>
    public ExpressionSyntax Source { get; }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange => RangeOf(1, End - Name.Length, End);
}
