using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

internal sealed partial class Parser
{
    private Body ParseBody(TokenKind end, int start)
    {
        var items = new List<SyntaxNode>();
        Dictionary<string, AttributeSyntax>? attributes = null;
        var startRange = PreviousRange;
        int endOffset;
        while (true)
        {
            var next = Peek();
            if (next.Kind == end)
            {
                Read();
                endOffset = next.End;
                break;
            }

            if (next.Kind == TokenKind.Newline)
            {
                Read();
                continue;
            }

            if (next.Kind == TokenKind.Identifier)
            {
                var item = ParseBodyItem();
                if (item is AttributeSyntax attribute)
                {
                    var existing = FindAttribute(items, ref attributes, attribute.Name);
                    if (existing is not null)
                    {
                        Report(HclDiagnostics.AttributeRedefined(_path, attribute.NameRange, attribute.Name, existing.NameRange));
                    }
                    else
                    {
                        attributes?.Add(attribute.Name, attribute);
                        items.Add(attribute);
                    }
                }
                else if (item is not null)
                {
                    items.Add(item);
                }

                continue;
            }

            var bad = Read();
            if (!_recovery)
            {
                Report(bad.Kind switch
                {
                    TokenKind.OpenQuote => HclDiagnostics.QuotedArgumentName(_path, Range(bad)),
                    TokenKind.EndOfFile => HclDiagnostics.UnclosedBlock(_path, startRange),
                    _ => HclDiagnostics.ArgumentOrBlockRequired(_path, Range(bad)),
                });
            }

            endOffset = PreviousEnd;
            Recover(end);
            break;
        }

        return new Body(items, Range(start, endOffset));
    }

    /// <summary>Finds an earlier attribute of the same name: a linear scan for small bodies, an index for large ones.</summary>
    private static AttributeSyntax? FindAttribute(List<SyntaxNode> items, ref Dictionary<string, AttributeSyntax>? index, string name)
    {
        if (index is null && items.Count < 16)
        {
            foreach (var item in items)
            {
                if (item is AttributeSyntax attribute && string.Equals(attribute.Name, name, StringComparison.Ordinal))
                {
                    return attribute;
                }
            }

            return null;
        }

        if (index is null)
        {
            index = new Dictionary<string, AttributeSyntax>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (item is AttributeSyntax attribute)
                {
                    index.TryAdd(attribute.Name, attribute);
                }
            }
        }

        return index.GetValueOrDefault(name);
    }

    private SyntaxNode? ParseBodyItem()
    {
        var identifier = Read();
        var next = Peek();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(identifier, singleLine: false);
            case TokenKind.OpenQuote or TokenKind.OpenBrace or TokenKind.Identifier:
                return FinishBlock(identifier);
            default:
                RecoverAfterBodyItem();
                Report(HclDiagnostics.ArgumentOrBlockRequiredUseEquals(_path, Range(identifier)));
                return null;
        }
    }

    private AttributeSyntax FinishAttribute(Token identifier, bool singleLine)
    {
        Read(); // "="
        var mark = _diagnostics.Count;
        var expression = ParseExpression();
        if (_recovery && _diagnostics.Count > mark)
        {
            RecoverAfterBodyItem();
        }
        else if (!singleLine)
        {
            var end = Peek();
            if (end.Kind != TokenKind.Newline && end.Kind != TokenKind.EndOfFile)
            {
                if (!_recovery)
                {
                    Report(end.Kind == TokenKind.Comma
                        ? HclDiagnostics.CommaAfterArgument(_path, Range(end))
                        : HclDiagnostics.MissingNewlineAfterArgument(_path, Range(end)));
                }

                RecoverAfterBodyItem();
            }
            else
            {
                Read();
            }
        }

        var endOffset = Math.Max(identifier.End, expression.Range.End.Offset);
        return new AttributeSyntax(TextOf(identifier), Range(identifier), expression, Range(identifier.Start, endOffset));
    }

    private BlockSyntax FinishBlock(Token identifier)
    {
        var type = TextOf(identifier);
        var labels = new List<BlockLabel>();
        Token openBrace;
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.OpenBrace)
            {
                openBrace = Read();
                break;
            }

            if (token.Kind == TokenKind.OpenQuote)
            {
                labels.Add(ParseQuotedLabel());
                continue;
            }

            if (token.Kind == TokenKind.Identifier)
            {
                Read();
                labels.Add(new BlockLabel(TextOf(token), Range(token)));
                continue;
            }

            if (token.Kind == TokenKind.Equal)
            {
                Report(HclDiagnostics.BlockWithEquals(_path, Range(token)));
            }
            else if (token.Kind == TokenKind.Newline)
            {
                Report(HclDiagnostics.BlockBraceOnNextLine(_path, Range(token)));
            }
            else if (!_recovery)
            {
                Report(HclDiagnostics.InvalidBlockLabel(_path, Range(token)));
            }

            RecoverAfterBodyItem();
            var typeRange = Range(identifier);
            return new BlockSyntax(type, typeRange, labels, new Body([], typeRange), typeRange, Range(identifier.Start, PreviousEnd));
        }

        if (!EnterNesting(openBrace))
        {
            SkipToEnd();
            var typeRange = Range(identifier);
            return new BlockSyntax(type, typeRange, labels, new Body([], Range(openBrace)), Range(openBrace), Range(identifier.Start, openBrace.End));
        }

        Body body;
        var after = Peek().Kind;
        if (after is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CloseBrace)
        {
            body = ParseBody(TokenKind.CloseBrace, openBrace.Start);
        }
        else
        {
            var mark = _diagnostics.Count;
            var attribute = ParseSingleAttributeBody();
            var bodyDiagnostics = _diagnostics.GetRange(mark, _diagnostics.Count - mark);
            _diagnostics.RemoveRange(mark, bodyDiagnostics.Count);
            var close = Peek();
            switch (close.Kind)
            {
                case TokenKind.CloseBrace:
                    Read();
                    break;
                case TokenKind.Comma:
                    Report(HclDiagnostics.SingleLineBlockComma(_path, Range(close)));
                    Recover(TokenKind.CloseBrace);
                    break;
                case TokenKind.Newline:
                    Report(HclDiagnostics.SingleLineBlockNewline(_path, Range(close)));
                    Recover(TokenKind.CloseBrace);
                    break;
                default:
                    if (!_recovery)
                    {
                        Report(close.Kind == TokenKind.EndOfFile
                            ? HclDiagnostics.UnclosedBlock(_path, Range(openBrace))
                            : HclDiagnostics.SingleLineBlockUnclosed(_path, Range(close)));
                    }

                    Recover(TokenKind.CloseBrace);
                    break;
            }

            _diagnostics.AddRange(bodyDiagnostics);
            body = new Body(attribute is null ? [] : [attribute], Range(openBrace.Start, PreviousEnd));
        }

        ExitNesting();
        var closeEnd = Math.Max(openBrace.End, PreviousEnd);
        var eol = Peek();
        if (eol.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            Read();
        }
        else
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.MissingNewlineAfterBlock(_path, Range(eol)));
            }

            RecoverAfterBodyItem();
        }

        return new BlockSyntax(type, Range(identifier), labels, body, Range(openBrace), Range(identifier.Start, closeEnd));
    }

    private AttributeSyntax? ParseSingleAttributeBody()
    {
        var identifier = Read();
        if (identifier.Kind != TokenKind.Identifier)
        {
            RecoverAfterBodyItem();
            Report(HclDiagnostics.ArgumentOrBlockRequired(_path, Range(identifier)));
            return null;
        }

        var next = Peek();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(identifier, singleLine: true);
            case TokenKind.OpenQuote or TokenKind.OpenBrace or TokenKind.Identifier:
                RecoverAfterBodyItem();
                Report(HclDiagnostics.SingleLineBlockNeedsArgument(_path, Range(identifier.Start, next.End), TextOf(identifier)));
                return null;
            default:
                RecoverAfterBodyItem();
                Report(HclDiagnostics.ArgumentOrBlockRequiredUseEquals(_path, Range(identifier)));
                return null;
        }
    }

    private BlockLabel ParseQuotedLabel()
    {
        var open = Read();
        var builder = new StringBuilder();
        int endOffset;
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case TokenKind.CloseQuote:
                    endOffset = token.End;
                    break;
                case TokenKind.QuotedNewline:
                    // Already reported by the lexer; the label ends at the line break.
                    endOffset = token.Start;
                    break;
                case TokenKind.QuotedLiteral:
                    builder.Append(StringLiteralDecoder.Decode(_source, token.Start, token.End, quoted: true, _diagnostics));
                    continue;
                case TokenKind.TemplateControl or TokenKind.TemplateInterpolation:
                    var which = token.Kind == TokenKind.TemplateControl ? "%" : "$";
                    Report(HclDiagnostics.TemplateInLabel(_path, Range(token), which));
                    builder.Append(which).Append("{ ... }");
                    Recover(TokenKind.TemplateSequenceEnd);
                    continue;
                case TokenKind.EndOfFile:
                    Report(HclDiagnostics.UnterminatedStringLiteral(_path, Range(token)));
                    endOffset = token.End;
                    break;
                default:
                    Report(HclDiagnostics.InvalidStringLiteralItem(_path, Range(token)));
                    Recover(TokenKind.CloseQuote);
                    endOffset = token.End;
                    break;
            }

            break;
        }

        return new BlockLabel(builder.ToString(), Range(open.Start, endOffset));
    }
}
