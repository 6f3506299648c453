using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

internal sealed partial class Parser
{
    private Body ParseBody(TokenKind end, SourcePosition start)
    {
        var items = _bodyItems;
        var mark = items.Count;
        Dictionary<string, AttributeSyntax>? attributes = null;
        var startRange = PreviousRange;
        SourcePosition endPosition;
        while (true)
        {
            var next = Peek();
            if (next.Kind == end)
            {
                Read();
                endPosition = next.EndPosition;
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
                    var existing = FindAttribute(items.Since(mark), ref attributes, attribute.Name);
                    if (existing is not null)
                    {
                        Report(HclDiagnostics.AttributeRedefined(_path, attribute.NameRange, attribute.Name, existing.NameRange));
                    }
                    else
                    {
                        attributes?.Add(attribute.Name, attribute);
                        items.Push(attribute);
                    }
                }
                else if (item is not null)
                {
                    items.Push(item);
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

            endPosition = PreviousEnd;
            Recover(end);
            break;
        }

        return MakeBody(mark, Span(start, endPosition));
    }

    /// <summary>
    /// Pops the items pushed since <paramref name="mark"/> into a body. A body of only attributes (or only
    /// blocks) uses one array for its items and for that list, so it costs one array instead of two.
    /// </summary>
    private Body MakeBody(int mark, SourceRange range)
    {
        var items = _bodyItems.Since(mark);
        var blockCount = 0;
        foreach (var item in items)
        {
            if (item is BlockSyntax)
            {
                blockCount++;
            }
        }

        var attributeCount = items.Length - blockCount;
        Body body;
        if (items.Length == 0)
        {
            body = new Body([], [], [], range);
        }
        else if (blockCount == 0)
        {
            var attributes = new AttributeSyntax[attributeCount];
            for (var i = 0; i < attributes.Length; i++)
            {
                attributes[i] = (AttributeSyntax)items[i];
            }

            body = new Body(attributes, attributes, [], range);
        }
        else if (attributeCount == 0)
        {
            var blocks = new BlockSyntax[blockCount];
            for (var i = 0; i < blocks.Length; i++)
            {
                blocks[i] = (BlockSyntax)items[i];
            }

            body = new Body(blocks, [], blocks, range);
        }
        else
        {
            var all = new SyntaxNode[items.Length];
            var attributes = new AttributeSyntax[attributeCount];
            var blocks = new BlockSyntax[blockCount];
            int a = 0, b = 0;
            for (var i = 0; i < all.Length; i++)
            {
                var item = items[i];
                all[i] = item;
                if (item is BlockSyntax block)
                {
                    blocks[b++] = block;
                }
                else
                {
                    attributes[a++] = (AttributeSyntax)item;
                }
            }

            body = new Body(all, attributes, blocks, range);
        }

        _bodyItems.Truncate(mark);
        return body;
    }

    /// <summary>Finds an earlier attribute of the same name: a linear scan for small bodies, an index for large ones.</summary>
    private static AttributeSyntax? FindAttribute(Span<SyntaxNode> items, ref Dictionary<string, AttributeSyntax>? index, string name)
    {
        if (index is null && items.Length < 16)
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

    private AttributeSyntax FinishAttribute(SyntaxToken identifier, bool singleLine)
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

        var endPosition = Max(identifier.EndPosition, expression.Range.End);
        return new AttributeSyntax(TextOf(identifier), Range(identifier), expression, Span(identifier.StartPosition, endPosition));
    }

    private BlockSyntax FinishBlock(SyntaxToken identifier)
    {
        var type = TextOf(identifier);
        var labelMark = _labels.Count;
        SyntaxToken openBrace;
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
                _labels.Push(ParseQuotedLabel());
                continue;
            }

            if (token.Kind == TokenKind.Identifier)
            {
                Read();
                _labels.Push(new BlockLabel(TextOf(token), Range(token)));
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

            var partialLabels = _labels.PopToArray(labelMark);
            RecoverAfterBodyItem();
            var typeRange = Range(identifier);
            return new BlockSyntax(type, typeRange, partialLabels, new Body([], typeRange), typeRange, Span(identifier.StartPosition, PreviousEnd));
        }

        var labels = _labels.PopToArray(labelMark);
        if (!EnterNesting(openBrace))
        {
            SkipToEnd();
            var typeRange = Range(identifier);
            return new BlockSyntax(type, typeRange, labels, new Body([], Range(openBrace)), Range(openBrace), Span(identifier.StartPosition, openBrace.EndPosition));
        }

        Body body;
        var after = Peek().Kind;
        if (after is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CloseBrace)
        {
            body = ParseBody(TokenKind.CloseBrace, openBrace.StartPosition);
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
            AttributeSyntax[] attributes = attribute is null ? [] : [attribute];
            body = new Body(attributes, attributes, [], Span(openBrace.StartPosition, PreviousEnd));
        }

        ExitNesting();
        var closeEnd = Max(openBrace.EndPosition, PreviousEnd);
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

        return new BlockSyntax(type, Range(identifier), labels, body, Range(openBrace), Span(identifier.StartPosition, closeEnd));
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
                Report(HclDiagnostics.SingleLineBlockNeedsArgument(_path, Span(identifier.StartPosition, next.EndPosition), TextOf(identifier)));
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

        // Most labels are one literal: decode it straight into a (shared) string, no builder.
        string? single = null;
        StringBuilder? builder = null;
        SourcePosition endPosition;
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case TokenKind.CloseQuote:
                    endPosition = token.EndPosition;
                    break;
                case TokenKind.QuotedNewline:
                    // Already reported by the lexer; the label ends at the line break.
                    endPosition = token.StartPosition;
                    break;
                case TokenKind.QuotedLiteral:
                    Append(ref single, ref builder, DecodeLiteral(token, quoted: true));
                    continue;
                case TokenKind.TemplateControl or TokenKind.TemplateInterpolation:
                    var which = token.Kind == TokenKind.TemplateControl ? "%" : "$";
                    Report(HclDiagnostics.TemplateInLabel(_path, Range(token), which));
                    Append(ref single, ref builder, which);
                    Append(ref single, ref builder, "{ ... }");
                    Recover(TokenKind.TemplateSequenceEnd);
                    continue;
                case TokenKind.EndOfFile:
                    Report(HclDiagnostics.UnterminatedStringLiteral(_path, Range(token)));
                    endPosition = token.EndPosition;
                    break;
                default:
                    Report(HclDiagnostics.InvalidStringLiteralItem(_path, Range(token)));
                    Recover(TokenKind.CloseQuote);
                    endPosition = token.EndPosition;
                    break;
            }

            break;
        }

        var value = builder is not null ? builder.ToString() : single ?? string.Empty;
        return new BlockLabel(value, Span(open.StartPosition, endPosition));
    }

    private static void Append(ref string? single, ref StringBuilder? builder, string value)
    {
        if (builder is not null)
        {
            builder.Append(value);
        }
        else if (single is null)
        {
            single = value;
        }
        else
        {
            builder = new StringBuilder(single).Append(value);
        }
    }
}
