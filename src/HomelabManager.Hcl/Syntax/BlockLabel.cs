using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>One block label (quoted or bare) with its range (quotes included).</summary>
public sealed record BlockLabel(string Value, SourceRange Range);
