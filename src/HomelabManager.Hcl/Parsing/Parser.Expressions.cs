using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

internal sealed partial class Parser
{
    private ExpressionSyntax ParseExpression() => ParseConditional();

    private ExpressionSyntax ParseConditional()
    {
        var mark = _diagnostics.Count;
        var condition = ParseBinary(0);
        if (_recovery && _diagnostics.Count > mark)
        {
            return condition;
        }

        if (Peek().Kind != TokenKind.Question)
        {
            return condition;
        }

        Read();
        mark = _diagnostics.Count;
        var trueResult = ParseExpression();
        if (_recovery && _diagnostics.Count > mark)
        {
            return condition;
        }

        var colon = Peek();
        if (colon.Kind != TokenKind.Colon)
        {
            Report(HclDiagnostics.MissingFalseExpression(_path, Range(colon)));
            return condition;
        }

        Read();
        mark = _diagnostics.Count;
        var falseResult = ParseExpression();
        if (_recovery && _diagnostics.Count > mark)
        {
            return condition;
        }

        return new ConditionalExpression(condition, trueResult, falseResult,
            _source, condition.Start, Math.Max(condition.Start, falseResult.End));
    }

    /// <summary>The precedence level of a binary operator token (0 binds loosest), or -1 for any other token.</summary>
    private static int OperatorLevel(TokenKind kind) => kind switch
    {
        TokenKind.Or => 0,
        TokenKind.And => 1,
        TokenKind.EqualOp or TokenKind.NotEqual => 2,
        TokenKind.GreaterThan or TokenKind.GreaterThanEqual or TokenKind.LessThan or TokenKind.LessThanEqual => 3,
        TokenKind.Plus or TokenKind.Minus => 4,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 5,
        _ => -1,
    };

    private static bool TryGetOperator(int level, TokenKind kind, out BinaryOperator op)
    {
        op = kind switch
        {
            TokenKind.Or => BinaryOperator.Or,
            TokenKind.And => BinaryOperator.And,
            TokenKind.EqualOp => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            TokenKind.GreaterThan => BinaryOperator.GreaterThan,
            TokenKind.GreaterThanEqual => BinaryOperator.GreaterThanOrEqual,
            TokenKind.LessThan => BinaryOperator.LessThan,
            TokenKind.LessThanEqual => BinaryOperator.LessThanOrEqual,
            TokenKind.Plus => BinaryOperator.Add,
            TokenKind.Minus => BinaryOperator.Subtract,
            TokenKind.Star => BinaryOperator.Multiply,
            TokenKind.Slash => BinaryOperator.Divide,
            TokenKind.Percent => BinaryOperator.Modulo,
            _ => (BinaryOperator)(-1),
        };
        return (int)op >= 0 && OperatorLevel(kind) == level;
    }

    /// <summary>Parses the operators of <paramref name="level"/> and tighter (level 6 is a single term with its traversals).</summary>
    private ExpressionSyntax ParseBinary(int level)
    {
        if (level == 6)
        {
            return ParseWithTraversals();
        }

        var mark = _diagnostics.Count;
        var first = ParseWithTraversals();

        // No operator of this level or a tighter one follows: every level would hand the operand straight back.
        if (OperatorLevel(PeekKind()) < level)
        {
            return first;
        }

        return ParseBinary(level, first, mark);
    }

    /// <summary>
    /// The levels from <paramref name="level"/> to 5 over an already parsed leftmost term (parsed after
    /// <paramref name="mark"/> diagnostics): exactly what parsing the term at level 6 and climbing back up gives.
    /// </summary>
    private ExpressionSyntax ParseBinary(int level, ExpressionSyntax first, int mark)
    {
        var left = level == 5 ? first : ParseBinary(level + 1, first, mark);
        if (_recovery && _diagnostics.Count > mark)
        {
            return left;
        }

        BinaryOperator? pending = null;
        ExpressionSyntax? right = null;
        while (TryGetOperator(level, Peek().Kind, out var op))
        {
            if (pending is { } previous && right is not null)
            {
                left = new BinaryExpression(left, previous, right, _source, left.Start, Math.Max(left.Start, right.End));
            }

            pending = op;
            Read();
            mark = _diagnostics.Count;
            right = ParseBinary(level + 1);
            if (_recovery && _diagnostics.Count > mark)
            {
                return left;
            }
        }

        if (pending is { } last && right is not null)
        {
            return new BinaryExpression(left, last, right, _source, left.Start, Math.Max(left.Start, right.End));
        }

        return left;
    }

    private ExpressionSyntax ParseWithTraversals()
    {
        // The nesting guard covers the term and its traversals: index keys ("a[b[c[...") recurse too.
        var start = Peek();
        if (!EnterNesting(start))
        {
            return new ErrorExpression(_source, start.Start, start.End);
        }

        try
        {
            var term = ParseTermCore(start);
            return ParseTraversals(term);
        }
        finally
        {
            ExitNesting();
        }
    }

    private ExpressionSyntax ParseTraversals(ExpressionSyntax from)
    {
        var result = from;
        var start = from.Start;
        while (true)
        {
            var next = Peek();
            if (next.Kind == TokenKind.Dot)
            {
                Read();
                var attribute = Peek();
                switch (attribute.Kind)
                {
                    case TokenKind.Identifier:
                        Read();
                        result = new GetAttributeExpression(result, TextOf(attribute), _source, start, Math.Max(start, attribute.End));
                        break;
                    case TokenKind.NumberLiteral:
                        Read();
                        result = new IndexExpression(result, LegacyIndexKey(attribute, fullSplatHint: false), true, _source, start, Math.Max(start, attribute.End));
                        break;
                    case TokenKind.Star:
                        if (!ParseAttributeSplat(ref result, start, next))
                        {
                            continue;
                        }

                        break;
                    default:
                        Report(HclDiagnostics.InvalidAttributeName(_path, Range(attribute)));
                        _recovery = true;
                        break;
                }

                continue;
            }

            if (next.Kind != TokenKind.OpenBracket)
            {
                return result;
            }

            var open = Read();
            if (Peek().Kind == TokenKind.Star)
            {
                Read();
                var close = Read();
                if (close.Kind != TokenKind.CloseBracket && !_recovery)
                {
                    Report(HclDiagnostics.MissingSplatCloseBracket(_path, Range(close)));
                    close = Recover(TokenKind.CloseBracket);
                }

                var item = new SplatItemExpression(_source, open.Start, Math.Max(open.Start, close.End));
                if (!EnterNesting(open))
                {
                    return result;
                }

                var each = ParseTraversals(item);
                ExitNesting();
                result = new SplatExpression(result, each, item, true, _source, start, Math.Max(start, Math.Max(close.End, each.End)));
                continue;
            }

            PushNewlines(false);
            var mark = _diagnostics.Count;
            var key = ParseExpression();
            Token closeBracket;
            if (_recovery && _diagnostics.Count > mark)
            {
                closeBracket = Recover(TokenKind.CloseBracket);
            }
            else
            {
                closeBracket = Read();
                if (closeBracket.Kind != TokenKind.CloseBracket && !_recovery)
                {
                    Report(HclDiagnostics.MissingIndexCloseBracket(_path, Range(closeBracket)));
                    closeBracket = Recover(TokenKind.CloseBracket);
                }
            }

            PopNewlines();
            result = new IndexExpression(result, key, false, _source, start, Math.Max(start, Math.Max(closeBracket.End, key.End)));
        }
    }

    private ExpressionSyntax LegacyIndexKey(Token number, bool fullSplatHint)
    {
        _ = fullSplatHint;
        var text = TextOf(number);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            Report(HclDiagnostics.InvalidLegacyIndex(_path, Range(number), text[..dot], text[(dot + 1)..]));
            return new ErrorExpression(_source, number.Start, number.End);
        }

        return NumberLiteral(number);
    }

    /// <summary>Parses <c>.*</c> and the attribute/legacy-index steps after it; false when it was abandoned.</summary>
    private bool ParseAttributeSplat(ref ExpressionSyntax result, int start, Token dot)
    {
        var marker = Read();
        var item = new SplatItemExpression(_source, dot.Start, Math.Max(dot.Start, marker.End));
        ExpressionSyntax each = item;
        var end = marker.End;
        while (Peek().Kind == TokenKind.Dot)
        {
            Read();
            var step = Peek();
            if (step.Kind == TokenKind.NumberLiteral)
            {
                Read();
                each = new IndexExpression(each, LegacyIndexKey(step, fullSplatHint: true), true, _source, dot.Start, Math.Max(dot.Start, step.End));
                end = step.End;
                continue;
            }

            if (step.Kind != TokenKind.Identifier)
            {
                if (!_recovery)
                {
                    Report(step.Kind == TokenKind.Star
                        ? HclDiagnostics.NestedSplat(_path, Range(step))
                        : HclDiagnostics.InvalidAttributeName(_path, Range(step)));
                }

                _recovery = true;
                return false;
            }

            Read();
            each = new GetAttributeExpression(each, TextOf(step), _source, dot.Start, Math.Max(dot.Start, step.End));
            end = step.End;
        }

        result = new SplatExpression(result, each, item, false, _source, start, Math.Max(start, end));
        return true;
    }

    private LiteralExpression NumberLiteral(Token token)
    {
        var text = _text.AsSpan(token.Start, token.Length);
        var value = HclNumber.Parse(text);
        if (value is null)
        {
            Report(IsNumberShaped(text) ? HclDiagnostics.NumberOutOfRange(_path, Range(token)) : HclDiagnostics.InvalidNumberLiteral(_path, Range(token)));
            value = HclNumber.Zero;
        }

        return new LiteralExpression(value, _source, token.Start, token.End);
    }

    // A number token (digits, dots and exponents) in spec.md's NumericLit shape: at most one ".", before the
    // exponent and followed by a digit, and at most one exponent.
    private static bool IsNumberShaped(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        var exponent = token.IndexOfAny('e', 'E');
        return token.Count('.') <= 1 && token.Count('e') + token.Count('E') <= 1
            && (dot < 0 || ((exponent < 0 || dot < exponent) && dot + 1 < token.Length && char.IsAsciiDigit(token[dot + 1])));
    }

    private ExpressionSyntax ParseTermCore(Token start)
    {
        switch (start.Kind)
        {
            case TokenKind.OpenParen:
                return ParseParentheses();
            case TokenKind.NumberLiteral:
                Read();
                return NumberLiteral(start);
            case TokenKind.Identifier:
                Read();
                var after = Peek().Kind;
                if (after is TokenKind.OpenParen or TokenKind.DoubleColon)
                {
                    return FinishFunctionCall(start);
                }

                var name = TextOf(start);
                return name switch
                {
                    "true" => new LiteralExpression(HclBool.True, _source, start.Start, start.End),
                    "false" => new LiteralExpression(HclBool.False, _source, start.Start, start.End),
                    "null" => new LiteralExpression(HclNull.Instance, _source, start.Start, start.End),
                    _ => new VariableExpression(name, _source, start.Start, start.End),
                };
            case TokenKind.OpenQuote or TokenKind.OpenHeredoc:
                return ParseTemplate();
            case TokenKind.Minus or TokenKind.Bang:
                Read();
                var operand = ParseWithTraversals();
                return new UnaryExpression(start.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not, operand,
                    _source, start.Start, Math.Max(start.Start, Math.Max(start.End, operand.End)));
            case TokenKind.OpenBracket:
                return ParseTuple();
            case TokenKind.OpenBrace:
                return ParseObject();
            default:
                if (!_recovery)
                {
                    Report(start.Kind == TokenKind.EndOfFile
                        ? HclDiagnostics.MissingExpression(_path, Range(start))
                        : HclDiagnostics.InvalidExpression(_path, Range(start)));
                }

                _recovery = true;
                return new ErrorExpression(_source, start.Start, start.End);
        }
    }

    private ExpressionSyntax ParseParentheses()
    {
        var open = Read();
        PushNewlines(false);
        var mark = _diagnostics.Count;
        var expression = ParseExpression();
        if (_diagnostics.Count > mark)
        {
            Recover(TokenKind.CloseParen);
            PopNewlines();
            return expression;
        }

        var close = Peek();
        if (close.Kind != TokenKind.CloseParen)
        {
            Report(HclDiagnostics.UnbalancedParentheses(_path, Range(close)));
            _recovery = true;
        }

        close = Read();
        PopNewlines();
        return new ParenthesizedExpression(expression, _source, open.Start, Math.Max(open.Start, Math.Max(close.End, expression.End)));
    }

    private ExpressionSyntax FinishFunctionCall(Token name)
    {
        var open = Read();
        var fullName = TextOf(name);
        var nameEnd = name.End;
        while (open.Kind == TokenKind.DoubleColon)
        {
            var part = Read();
            if (part.Kind != TokenKind.Identifier)
            {
                Report(HclDiagnostics.MissingFunctionName(_path, Range(part)));
                RecoverOver(TokenKind.OpenParen);
                return new ErrorExpression(_source, name.Start, Math.Max(name.Start, part.End));
            }

            fullName = fullName + "::" + TextOf(part);
            nameEnd = part.End;
            open = Read();
        }

        if (open.Kind != TokenKind.OpenParen)
        {
            Report(HclDiagnostics.MissingOpenParenthesis(_path, Range(open)));
            RecoverOver(TokenKind.OpenParen);
            return new ErrorExpression(_source, name.Start, Math.Max(name.Start, open.End));
        }

        var arguments = _expressions;
        var mark0 = arguments.Count;
        ExpressionSyntax? lastArgument = null;
        var expandFinal = false;
        Token close = open;
        PushNewlines(false);
        while (true)
        {
            if (Peek().Kind == TokenKind.CloseParen)
            {
                close = Read();
                break;
            }

            var mark = _diagnostics.Count;
            var argument = ParseExpression();
            arguments.Push(argument);
            lastArgument = argument;
            if (_recovery && _diagnostics.Count > mark)
            {
                var recovered = Recover(TokenKind.CloseParen);
                close = recovered.Kind == TokenKind.CloseParen ? recovered : _tokens[_previous];
                break;
            }

            var separator = Read();
            if (separator.Kind == TokenKind.CloseParen)
            {
                close = separator;
                break;
            }

            if (separator.Kind == TokenKind.Ellipsis)
            {
                expandFinal = true;
                if (Peek().Kind != TokenKind.CloseParen)
                {
                    if (!_recovery)
                    {
                        Report(HclDiagnostics.ExpandedArgumentNotLast(_path, Range(separator)));
                    }

                    close = Recover(TokenKind.CloseParen);
                }
                else
                {
                    close = Read();
                }

                break;
            }

            if (separator.Kind != TokenKind.Comma)
            {
                Report(separator.Kind == TokenKind.EndOfFile
                    ? HclDiagnostics.UnterminatedFunctionCall(_path, Range(name.Start, open.End))
                    : HclDiagnostics.MissingArgumentSeparator(_path, Range(separator)));
                close = Recover(TokenKind.CloseParen);
                break;
            }

            if (Peek().Kind == TokenKind.CloseParen)
            {
                close = Read();
                break;
            }
        }

        PopNewlines();
        var end = Math.Max(close.End, lastArgument is not null ? lastArgument.End : open.End);
        return new FunctionCallExpression(fullName, nameEnd, PopList(arguments, mark0), expandFinal,
            _source, name.Start, Math.Max(name.Start, end));
    }

    private ExpressionSyntax ParseTuple()
    {
        var open = Read();
        PushNewlines(false);
        try
        {
            if (IsKeyword(Peek(), "for"))
            {
                return FinishFor(open);
            }

            var elements = _expressions;
            var mark0 = elements.Count;
            Token close;
            while (true)
            {
                if (Peek().Kind == TokenKind.CloseBracket)
                {
                    close = Read();
                    break;
                }

                var mark = _diagnostics.Count;
                var element = ParseExpression();
                elements.Push(element);
                if (_recovery && _diagnostics.Count > mark)
                {
                    close = Recover(TokenKind.CloseBracket);
                    break;
                }

                var next = Peek();
                if (next.Kind == TokenKind.CloseBracket)
                {
                    close = Read();
                    break;
                }

                if (next.Kind != TokenKind.Comma)
                {
                    if (!_recovery)
                    {
                        Report(next.Kind == TokenKind.EndOfFile
                            ? HclDiagnostics.UnterminatedTuple(_path, Range(open))
                            : HclDiagnostics.MissingItemSeparator(_path, Range(next)));
                    }

                    close = Recover(TokenKind.CloseBracket);
                    break;
                }

                Read();
            }

            return new TupleExpression(PopList(elements, mark0), _source, open.Start, Math.Max(open.Start, Math.Max(close.End, PreviousEnd)));
        }
        finally
        {
            PopNewlines();
        }
    }

    private ExpressionSyntax ParseObject()
    {
        var open = Read();
        PushNewlines(false);
        var isFor = IsKeyword(Peek(), "for");
        PopNewlines();
        if (isFor)
        {
            return FinishFor(open);
        }

        PushNewlines(true);
        try
        {
            var items = _objectItems;
            var mark0 = items.Count;
            Token close;
            while (true)
            {
                var next = Peek();
                if (next.Kind == TokenKind.Newline)
                {
                    Read();
                    continue;
                }

                if (next.Kind == TokenKind.CloseBrace)
                {
                    close = Read();
                    break;
                }

                var mark = _diagnostics.Count;
                var key = ParseExpression();
                if (_recovery && _diagnostics.Count > mark)
                {
                    close = Recover(TokenKind.CloseBrace);
                    break;
                }

                next = Peek();
                if (next.Kind != TokenKind.Equal && next.Kind != TokenKind.Colon)
                {
                    if (!_recovery)
                    {
                        Report(next.Kind switch
                        {
                            TokenKind.Newline or TokenKind.Comma => HclDiagnostics.MissingAttributeValue(_path, Range(next)),
                            TokenKind.Identifier => HclDiagnostics.MissingKeyValueSeparatorName(_path, Range(next)),
                            TokenKind.EndOfFile => HclDiagnostics.UnterminatedObject(_path, Range(open)),
                            _ => HclDiagnostics.MissingKeyValueSeparator(_path, Range(next)),
                        });
                    }

                    close = Recover(TokenKind.CloseBrace);
                    break;
                }

                Read();
                mark = _diagnostics.Count;
                var value = ParseExpression();
                if (_recovery && _diagnostics.Count > mark)
                {
                    items.Push(new ObjectItem(key, value));
                    close = Recover(TokenKind.CloseBrace);
                    break;
                }

                items.Push(new ObjectItem(key, value));
                next = Peek();
                if (next.Kind == TokenKind.Newline)
                {
                    Read();
                    continue;
                }

                if (next.Kind == TokenKind.CloseBrace)
                {
                    close = Read();
                    break;
                }

                if (next.Kind != TokenKind.Comma)
                {
                    if (!_recovery)
                    {
                        Report(next.Kind == TokenKind.EndOfFile
                            ? HclDiagnostics.UnterminatedObject(_path, Range(open))
                            : HclDiagnostics.MissingAttributeSeparator(_path, Range(next)));
                    }

                    close = Recover(TokenKind.CloseBrace);
                    break;
                }

                Read();
            }

            return new ObjectExpression(PopList(items, mark0), _source, open.Start, Math.Max(open.Start, Math.Max(close.End, PreviousEnd)));
        }
        finally
        {
            PopNewlines();
        }
    }

    private ExpressionSyntax FinishFor(Token open)
    {
        PushNewlines(false);
        try
        {
            return FinishForCore(open);
        }
        finally
        {
            PopNewlines();
        }
    }

    private ExpressionSyntax FinishForCore(Token open)
    {
        Read(); // "for"
        var isObject = open.Kind == TokenKind.OpenBrace;
        var closeKind = isObject ? TokenKind.CloseBrace : TokenKind.CloseBracket;

        ExpressionSyntax Fail(Func<string, SourceRange, Diagnostic>? factory)
        {
            if (factory is not null && !_recovery)
            {
                Report(factory(_path, Range(Peek())));
            }

            var closed = Recover(closeKind);
            return new ErrorExpression(_source, open.Start, Math.Max(open.Start, closed.End));
        }

        if (Peek().Kind != TokenKind.Identifier)
        {
            return Fail(HclDiagnostics.ForMissingVariable);
        }

        string? keyName = null;
        var valueName = TextOf(Read());
        if (Peek().Kind == TokenKind.Comma)
        {
            keyName = valueName;
            Read();
            if (Peek().Kind != TokenKind.Identifier)
            {
                return Fail(HclDiagnostics.ForMissingValueVariable);
            }

            valueName = TextOf(Read());
        }

        if (!IsKeyword(Peek(), "in"))
        {
            return Fail(HclDiagnostics.ForMissingIn);
        }

        Read();
        var mark = _diagnostics.Count;
        var collection = ParseExpression();
        if (_recovery && _diagnostics.Count > mark)
        {
            return Fail(null);
        }

        if (Peek().Kind != TokenKind.Colon)
        {
            return Fail(HclDiagnostics.ForMissingColon);
        }

        Read();
        ExpressionSyntax? keyExpression = null;
        mark = _diagnostics.Count;
        var valueExpression = ParseExpression();
        if (Peek().Kind == TokenKind.FatArrow)
        {
            Read();
            keyExpression = valueExpression;
            valueExpression = ParseExpression();
        }

        if (_recovery && _diagnostics.Count > mark)
        {
            return Fail(null);
        }

        var grouping = false;
        var ellipsis = default(Token);
        if (Peek().Kind == TokenKind.Ellipsis)
        {
            ellipsis = Read();
            grouping = true;
        }

        ExpressionSyntax? condition = null;
        if (IsKeyword(Peek(), "if"))
        {
            Read();
            mark = _diagnostics.Count;
            condition = ParseExpression();
            if (_recovery && _diagnostics.Count > mark)
            {
                return Fail(null);
            }
        }

        Token close;
        if (Peek().Kind == closeKind)
        {
            close = Read();
        }
        else
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.ForExtraCharacters(_path, Range(Peek())));
            }

            close = Recover(closeKind);
        }

        if (!isObject)
        {
            if (keyExpression is not null)
            {
                Report(HclDiagnostics.ForKeyInTuple(_path, keyExpression.Range));
            }

            if (grouping)
            {
                Report(HclDiagnostics.ForGroupingInTuple(_path, Range(ellipsis)));
            }
        }
        else if (keyExpression is null)
        {
            Report(HclDiagnostics.ForKeyRequired(_path, valueExpression.Range));
        }

        return new ForExpression(keyName, valueName, collection, keyExpression, valueExpression, condition, grouping, isObject,
            _source, open.Start, Math.Max(open.Start, Math.Max(close.End, PreviousEnd)));
    }
}
