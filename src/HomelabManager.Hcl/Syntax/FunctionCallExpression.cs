using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>name(arg, ...)</c>; namespaced names keep their <c>::</c> (<c>provider::ns::f</c>).</summary>
public sealed class FunctionCallExpression : ExpressionSyntax
{
    private readonly int _nameEnd;

    /// <summary>Creates the node with explicit ranges.</summary>
    public FunctionCallExpression(string name, SourceRange nameRange, IReadOnlyList<ExpressionSyntax> arguments, bool expandFinal, SourceRange range)
        : base([range, nameRange])
    {
        Name = name;
        Arguments = SyntaxList.CopyOf(arguments);
        ExpandFinal = expandFinal;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>; the name spans <c>[start, nameEnd)</c>.</summary>
    internal FunctionCallExpression(string name, int nameEnd, SyntaxList<ExpressionSyntax> arguments, bool expandFinal, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Name = name;
        _nameEnd = nameEnd;
        Arguments = arguments;
        ExpandFinal = expandFinal;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange => RangeOf(1, Start, _nameEnd);

    /// <summary>The arguments.</summary>
    public SyntaxList<ExpressionSyntax> Arguments { get; }

    /// <summary>True when the last argument is followed by <c>...</c> (expanded into arguments).</summary>
    public bool ExpandFinal { get; }
}
