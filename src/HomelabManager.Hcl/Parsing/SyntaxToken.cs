using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// The parser's token: its kind and its start and end positions (line, column and offset), so every range
/// the parser builds comes straight from tokens, without looking offsets up in the line table.
/// </summary>
internal readonly struct SyntaxToken
{
    public readonly SourcePosition StartPosition;
    public readonly SourcePosition EndPosition;
    public readonly TokenKind Kind;

    public SyntaxToken(TokenKind kind, SourcePosition start, SourcePosition end)
    {
        Kind = kind;
        StartPosition = start;
        EndPosition = end;
    }

    /// <summary>A token whose positions carry offsets only (lines and columns are filled in later).</summary>
    public SyntaxToken(TokenKind kind, int start, int end)
        : this(kind, new SourcePosition(0, 0, start), new SourcePosition(0, 0, end))
    {
    }

    public int Start => StartPosition.Offset;

    public int End => EndPosition.Offset;

    public int Length => EndPosition.Offset - StartPosition.Offset;

    public SourceRange Range => new(StartPosition, EndPosition);

    public Token ToToken() => new(Kind, Start, End);
}
