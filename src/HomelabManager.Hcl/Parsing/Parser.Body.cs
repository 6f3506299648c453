using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

internal sealed partial class Parser
{
    private Body ParseBody(TokenKind end, int start)
    {
        var items = _bodyItems;
        var mark = items.Count;
        Dictionary<string, AttributeSyntax>? attributes = null;
        var startToken = _previous;
        int endPosition;
        while (true)
        {
            var next = Peek();
            if (next.Kind == end)
            {
                Read();
                endPosition = next.End;
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
                    TokenKind.EndOfFile => HclDiagnostics.UnclosedBlock(_path, RangeOfToken(startToken)),
                    _ => HclDiagnostics.ArgumentOrBlockRequired(_path, Range(bad)),
                });
            }

            endPosition = PreviousEnd;
            Recover(end);
            break;
        }

        return MakeBody(mark, start, Math.Max(start, endPosition));
    }

    /// <summary>Pops the items pushed since <paramref name="mark"/> into a body spanning <c>[start, end)</c>.</summary>
    private Body MakeBody(int mark, int start, int end)
    {
        var items = _bodyItems.Since(mark);
        var (attributeCount, blockCount) = Body.Count(items);
        var storage = _lists.Reserve(Body.StorageLength(attributeCount, blockCount), out var storageStart);
        Body.Fill(items, attributeCount, blockCount, storage, storageStart);
        _bodyItems.Truncate(mark);
        return new Body(storage, storageStart, attributeCount, blockCount, _source, start, end);
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

        return new AttributeSyntax(TextOf(identifier), expression, _source, identifier.Start, Math.Max(identifier.End, expression.End));
    }

    private BlockSyntax FinishBlock(Token identifier)
    {
        var type = TextOf(identifier);
        var labelMark = _labels.Count;
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
                _labels.Push(ParseQuotedLabel());
                continue;
            }

            if (token.Kind == TokenKind.Identifier)
            {
                Read();
                _labels.Push(new BlockLabel(TextOf(token), _source, token.Start, token.End));
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

            var partialLabels = PopList(_labels, labelMark);
            RecoverAfterBodyItem();
            var noBody = new Body(null, 0, 0, 0, _source, identifier.Start, identifier.End);
            return new BlockSyntax(type, partialLabels, noBody, _source, identifier.Start, Math.Max(identifier.Start, PreviousEnd));
        }

        var labels = PopList(_labels, labelMark);
        if (!EnterNesting(openBrace))
        {
            SkipToEnd();
            var noBody = new Body(null, 0, 0, 0, _source, openBrace.Start, openBrace.End);
            return new BlockSyntax(type, labels, noBody, _source, identifier.Start, openBrace.End);
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
            var storage = _lists.Reserve(attribute is null ? 0 : 1, out var storageStart);
            if (attribute is not null)
            {
                storage[storageStart] = attribute;
            }

            body = new Body(storage, storageStart, attribute is null ? 0 : 1, 0, _source, openBrace.Start, Math.Max(openBrace.Start, PreviousEnd));
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

        return new BlockSyntax(type, labels, body, _source, identifier.Start, closeEnd);
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

        // Most labels are one literal: decode it straight into a (shared) string, no builder.
        string? single = null;
        StringBuilder? builder = null;
        int endPosition;
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case TokenKind.CloseQuote:
                    endPosition = token.End;
                    break;
                case TokenKind.QuotedNewline:
                    // Already reported by the lexer; the label ends at the line break.
                    endPosition = token.Start;
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
                    endPosition = token.End;
                    break;
                default:
                    Report(HclDiagnostics.InvalidStringLiteralItem(_path, Range(token)));
                    Recover(TokenKind.CloseQuote);
                    endPosition = token.End;
                    break;
            }

            break;
        }

        var value = builder is not null ? builder.ToString() : single ?? string.Empty;
        return new BlockLabel(value, _source, open.Start, Math.Max(open.Start, endPosition));
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
