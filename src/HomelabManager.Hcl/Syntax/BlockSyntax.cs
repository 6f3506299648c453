using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A block <c>type "label" ... { body }</c>.</summary>
public sealed class BlockSyntax : SyntaxNode
{
    /// <summary>Creates the node with explicit ranges.</summary>
    public BlockSyntax(string type, SourceRange typeRange, IReadOnlyList<BlockLabel> labels, Body body, SourceRange openBraceRange, SourceRange range)
        : base([range, typeRange, openBraceRange])
    {
        Type = type;
        Labels = SyntaxList.CopyOf(labels);
        Body = body;
    }

    /// <summary>
    /// Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>. The type is the text at its
    /// start; the body starts at "{", or, for a block that has none because of an error, at the type.
    /// </summary>
    internal BlockSyntax(string type, SyntaxList<BlockLabel> labels, Body body, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Type = type;
        Labels = labels;
        Body = body;
    }

    /// <summary>The block type.</summary>
    public string Type { get; }

    /// <summary>The range of the type name.</summary>
    public SourceRange TypeRange => RangeOf(1, Start, Start + Type.Length);

    /// <summary>The labels in order.</summary>
    public SyntaxList<BlockLabel> Labels { get; }

    /// <summary>The block body.</summary>
    public Body Body { get; }

    /// <summary>The range of "{" (the type's range when the block has none because of an error).</summary>
    public SourceRange OpenBraceRange =>
        ParsedSource is not null && Body.Start == Start ? TypeRange : RangeOf(2, Body.Start, Body.Start + 1);
}
