using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>name(arg, ...)</c>; namespaced names keep their <c>::</c> (<c>provider::ns::f</c>).</summary>
public sealed class FunctionCallExpression(string name, SourceRange nameRange, IReadOnlyList<ExpressionSyntax> arguments, bool expandFinal, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The function name.</summary>
    public string Name { get; } = name;

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange { get; } = nameRange;

    /// <summary>The arguments.</summary>
    public IReadOnlyList<ExpressionSyntax> Arguments { get; } = arguments;

    /// <summary>True when the last argument is followed by <c>...</c> (expanded into arguments).</summary>
    public bool ExpandFinal { get; } = expandFinal;
}
