using HomelabManager.Hcl.Syntax;

namespace HomelabManager.Hcl.Schema;

/// <summary>
/// A body checked against its schema: the first definition of each known argument and the
/// known blocks in source order. Unknown items were reported and left out.
/// </summary>
public sealed class BodyContent
{
    internal BodyContent(
        Body body,
        IReadOnlyDictionary<string, AttributeSyntax> attributes,
        IReadOnlyList<AttributeSyntax> orderedAttributes,
        IReadOnlyList<BlockSyntax> blocks)
    {
        Body = body;
        Attributes = attributes;
        OrderedAttributes = orderedAttributes;
        Blocks = blocks;
    }

    /// <summary>The body that was checked.</summary>
    public Body Body { get; }

    /// <summary>Known arguments by name (the first definition when repeated).</summary>
    public IReadOnlyDictionary<string, AttributeSyntax> Attributes { get; }

    /// <summary>Known arguments in source order, without redefinitions.</summary>
    public IReadOnlyList<AttributeSyntax> OrderedAttributes { get; }

    /// <summary>Known blocks in source order.</summary>
    public IReadOnlyList<BlockSyntax> Blocks { get; }

    /// <summary>The argument named <paramref name="name"/>, or null.</summary>
    public AttributeSyntax? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>The blocks of one type, in source order.</summary>
    public IEnumerable<BlockSyntax> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);
}
