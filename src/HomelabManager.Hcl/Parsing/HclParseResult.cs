using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>The result of parsing a file: the (possibly partial) body and every diagnostic, in the order found.</summary>
public sealed class HclParseResult(SourceText source, Body body, IReadOnlyList<Diagnostic> diagnostics)
{
    /// <summary>The parsed source.</summary>
    public SourceText Source { get; } = source;

    /// <summary>The file body (partial when there are errors).</summary>
    public Body Body { get; } = body;

    /// <summary>All diagnostics: lexical ones first, then syntax ones, each group in source order of discovery.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
