namespace HomelabManager.Hcl.Parsing;

/// <summary>One token: its kind and its UTF-16 offsets in the source (end exclusive).</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}
