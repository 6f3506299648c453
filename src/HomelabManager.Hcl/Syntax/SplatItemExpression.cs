using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>The placeholder for "each element" inside <see cref="SplatExpression.Each"/>; its range is the splat marker.</summary>
public sealed class SplatItemExpression(SourceRange range) : ExpressionSyntax(range);
