namespace HomelabManager.Hcl.Parsing;

/// <summary>The kinds of token the lexer produces.</summary>
public enum TokenKind : byte
{
    /// <summary>End of input.</summary>
    EndOfFile,
    /// <summary>A line break.</summary>
    Newline,
    /// <summary>An identifier or keyword.</summary>
    Identifier,
    /// <summary>A number literal.</summary>
    NumberLiteral,
    /// <summary>"{"</summary>
    OpenBrace,
    /// <summary>"}"</summary>
    CloseBrace,
    /// <summary>"["</summary>
    OpenBracket,
    /// <summary>"]"</summary>
    CloseBracket,
    /// <summary>"("</summary>
    OpenParen,
    /// <summary>")"</summary>
    CloseParen,
    /// <summary>"."</summary>
    Dot,
    /// <summary>","</summary>
    Comma,
    /// <summary>"..."</summary>
    Ellipsis,
    /// <summary>"=&gt;"</summary>
    FatArrow,
    /// <summary>"?"</summary>
    Question,
    /// <summary>":"</summary>
    Colon,
    /// <summary>"::"</summary>
    DoubleColon,
    /// <summary>"="</summary>
    Equal,
    /// <summary>"=="</summary>
    EqualOp,
    /// <summary>"!="</summary>
    NotEqual,
    /// <summary>"&lt;"</summary>
    LessThan,
    /// <summary>"&lt;="</summary>
    LessThanEqual,
    /// <summary>"&gt;"</summary>
    GreaterThan,
    /// <summary>"&gt;="</summary>
    GreaterThanEqual,
    /// <summary>"&amp;&amp;"</summary>
    And,
    /// <summary>"||"</summary>
    Or,
    /// <summary>"!"</summary>
    Bang,
    /// <summary>"+"</summary>
    Plus,
    /// <summary>"-"</summary>
    Minus,
    /// <summary>"*"</summary>
    Star,
    /// <summary>"/"</summary>
    Slash,
    /// <summary>"%"</summary>
    Percent,
    /// <summary>Opening quote of a quoted template.</summary>
    OpenQuote,
    /// <summary>Closing quote of a quoted template.</summary>
    CloseQuote,
    /// <summary>Literal text inside a quoted template (escapes not yet decoded).</summary>
    QuotedLiteral,
    /// <summary>A newline inside a quoted template (an error).</summary>
    QuotedNewline,
    /// <summary>"&lt;&lt;EOT" or "&lt;&lt;-EOT" and its line break.</summary>
    OpenHeredoc,
    /// <summary>The closing marker of a heredoc.</summary>
    CloseHeredoc,
    /// <summary>Literal text inside a heredoc (one line at most).</summary>
    StringLiteral,
    /// <summary>"${" or "${~".</summary>
    TemplateInterpolation,
    /// <summary>"%{" or "%{~".</summary>
    TemplateControl,
    /// <summary>"}" or "~}" ending a template sequence.</summary>
    TemplateSequenceEnd,
    /// <summary>"&amp;" (unsupported).</summary>
    BitwiseAnd,
    /// <summary>"|" (unsupported).</summary>
    BitwiseOr,
    /// <summary>"^" (unsupported).</summary>
    BitwiseXor,
    /// <summary>"~" (unsupported).</summary>
    BitwiseNot,
    /// <summary>"**" (unsupported).</summary>
    StarStar,
    /// <summary>"`" (invalid).</summary>
    Backtick,
    /// <summary>"'" (invalid).</summary>
    Apostrophe,
    /// <summary>";" (invalid).</summary>
    Semicolon,
    /// <summary>U+FFFD, the trace of invalid UTF-8.</summary>
    BadUtf8,
    /// <summary>Any other character.</summary>
    Invalid,
}
