using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A placeholder where the parser found no valid expression (a diagnostic was reported).</summary>
public sealed class ErrorExpression(SourceRange range) : ExpressionSyntax(range);
