using System.Runtime.CompilerServices;
using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Evaluation;

/// <summary>
/// Evaluates expressions to <see cref="HclValue"/>s. Literals, collections, templates (with directives),
/// operators, conditionals, <c>for</c> and splat expressions are supported; references and function calls
/// are looked up in the <see cref="EvaluationContext"/>. Never throws for any syntax tree.
/// </summary>
public static class HclEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/>; <paramref name="path"/> names the file in diagnostics.</summary>
    public static HclEvaluationResult Evaluate(ExpressionSyntax expression, EvaluationContext? context, string path)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var evaluator = new Evaluator(path ?? string.Empty);
        var value = evaluator.Eval(expression, context ?? new EvaluationContext());
        return new HclEvaluationResult(value, evaluator.Diagnostics);
    }

    /// <summary>The string form of a primitive value in templates (null for other values).</summary>
    public static string? ToTemplateString(HclValue value) => value switch
    {
        HclString text => text.Value,
        HclNumber number => number.ToString(),
        HclBool flag => flag.Value ? "true" : "false",
        _ => null,
    };

    private sealed class Evaluator(string path)
    {
        private readonly Dictionary<SplatItemExpression, HclValue> _splatItems = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        private void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

        public HclValue? Eval(ExpressionSyntax expression, EvaluationContext context)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                Report(HclDiagnostics.ExpressionTooComplex(path, expression.Range));
                return null;
            }

            switch (expression)
            {
                case LiteralExpression literal:
                    return literal.Value;
                case ErrorExpression:
                    return null;
                case ParenthesizedExpression parenthesized:
                    return Eval(parenthesized.Expression, context);
                case TemplateExpression template:
                    return template.IsSingleInterpolation ? Eval(template.Parts[0], context) : template.LiteralString ?? EvalTemplate(template, context);
                case TemplateIfExpression or TemplateForExpression:
                    var text = new StringBuilder();
                    return AppendTemplatePart(text, expression, context) ? new HclString(text.ToString()) : null;
                case TupleExpression tuple:
                    return EvalTuple(tuple, context);
                case ObjectExpression obj:
                    return EvalObject(obj, context);
                case VariableExpression variable:
                    return EvalVariable(variable, context);
                case GetAttributeExpression attribute:
                    return EvalAttribute(attribute, context);
                case IndexExpression index:
                    return EvalIndex(index, context);
                case SplatItemExpression item:
                    return _splatItems.TryGetValue(item, out var current) ? current : null;
                case SplatExpression splat:
                    return EvalSplat(splat, context);
                case FunctionCallExpression call:
                    return EvalCall(call, context);
                case ConditionalExpression conditional:
                    var condition = EvalBool(conditional.Condition, context);
                    return condition is null ? null : Eval(condition.Value ? conditional.TrueResult : conditional.FalseResult, context);
                case UnaryExpression unary:
                    return EvalUnary(unary, context);
                case BinaryExpression binary:
                    return EvalBinary(binary, context);
                case ForExpression loop:
                    return EvalFor(loop, context);
                default:
                    Report(HclDiagnostics.UnsupportedExpression(path, expression.Range));
                    return null;
            }
        }

        private HclString? EvalTemplate(TemplateExpression template, EvaluationContext context)
        {
            var builder = new StringBuilder();
            var ok = true;
            foreach (var part in template.Parts)
            {
                ok &= AppendTemplatePart(builder, part, context);
            }

            return ok ? new HclString(builder.ToString()) : null;
        }

        private bool AppendTemplatePart(StringBuilder builder, ExpressionSyntax part, EvaluationContext context)
        {
            switch (part)
            {
                case TemplateIfExpression directive:
                    var condition = EvalBool(directive.Condition, context);
                    if (condition is null)
                    {
                        return false;
                    }

                    return AppendTemplatePart(builder, condition.Value ? directive.TrueTemplate : directive.FalseTemplate, context);
                case TemplateForExpression loop:
                    var collection = Eval(loop.Collection, context);
                    if (collection is null)
                    {
                        return false;
                    }

                    var ok = true;
                    foreach (var (key, value) in Iterate(collection, loop.Collection.Range))
                    {
                        var scope = Bind(context, loop.KeyVariable, key, loop.ValueVariable, value);
                        ok &= AppendTemplatePart(builder, loop.Body, scope);
                    }

                    return ok;
                case TemplateExpression { IsSingleInterpolation: false } nested:
                    var all = true;
                    foreach (var inner in nested.Parts)
                    {
                        all &= AppendTemplatePart(builder, inner, context);
                    }

                    return all;
                default:
                    var result = Eval(part, context);
                    if (result is null)
                    {
                        return false;
                    }

                    var text = ToTemplateString(result);
                    if (text is null)
                    {
                        Report(HclDiagnostics.InvalidTemplateValue(path, part.Range, result.TypeName));
                        return false;
                    }

                    builder.Append(text);
                    return true;
            }
        }

        private static EvaluationContext Bind(EvaluationContext context, string? keyName, HclValue key, string valueName, HclValue value)
        {
            var scope = context.CreateChild();
            if (keyName is not null)
            {
                scope.Variables[keyName] = key;
            }

            scope.Variables[valueName] = value;
            return scope;
        }

        private List<(HclValue Key, HclValue Value)> Iterate(HclValue collection, SourceRange range)
        {
            var items = new List<(HclValue, HclValue)>();
            switch (collection)
            {
                case HclTuple tuple:
                    for (var i = 0; i < tuple.Elements.Count; i++)
                    {
                        items.Add((HclNumber.FromInt64(i), tuple.Elements[i]));
                    }

                    break;
                case HclObject obj:
                    foreach (var member in obj.Members.OrderBy(m => m.Key, StringComparer.Ordinal))
                    {
                        items.Add((new HclString(member.Key), member.Value));
                    }

                    break;
                default:
                    Report(HclDiagnostics.InvalidOperand(path, range, "collection", collection.TypeName));
                    break;
            }

            return items;
        }

        private HclBool? EvalBool(ExpressionSyntax expression, EvaluationContext context)
        {
            var value = Eval(expression, context);
            switch (value)
            {
                case null:
                    return null;
                case HclBool flag:
                    return flag;
                case HclString { Value: "true" }:
                    return HclBool.True;
                case HclString { Value: "false" }:
                    return HclBool.False;
                default:
                    Report(HclDiagnostics.InvalidOperand(path, expression.Range, "bool", value.TypeName));
                    return null;
            }
        }

        private HclNumber? EvalNumber(ExpressionSyntax expression, EvaluationContext context)
        {
            var value = Eval(expression, context);
            switch (value)
            {
                case null:
                    return null;
                case HclNumber number:
                    return number;
                case HclString text when HclNumber.Parse(text.Value.Trim()) is { } parsed:
                    return parsed;
                default:
                    Report(HclDiagnostics.InvalidOperand(path, expression.Range, "number", value.TypeName));
                    return null;
            }
        }

        private HclTuple? EvalTuple(TupleExpression tuple, EvaluationContext context)
        {
            var elements = new List<HclValue>(tuple.Elements.Count);
            var ok = true;
            foreach (var element in tuple.Elements)
            {
                var value = Eval(element, context);
                ok &= value is not null;
                elements.Add(value ?? HclNull.Instance);
            }

            return ok ? new HclTuple(elements) : null;
        }

        private HclObject? EvalObject(ObjectExpression obj, EvaluationContext context)
        {
            var members = new List<KeyValuePair<string, HclValue>>(obj.Items.Count);
            var ok = true;
            foreach (var item in obj.Items)
            {
                var key = EvalKey(item.Key, context);
                var value = Eval(item.Value, context);
                if (key is null || value is null)
                {
                    ok = false;
                    continue;
                }

                members.Add(new(key, value));
            }

            return ok ? new HclObject(members) : null;
        }

        private string? EvalKey(ExpressionSyntax key, EvaluationContext context)
        {
            if (key is VariableExpression bare)
            {
                return bare.Name;
            }

            var value = Eval(key, context);
            if (value is null)
            {
                return null;
            }

            var text = ToTemplateString(value);
            if (text is null)
            {
                Report(HclDiagnostics.InvalidObjectKey(path, key.Range));
            }

            return text;
        }

        private HclValue? EvalVariable(VariableExpression variable, EvaluationContext context)
        {
            if (context.TryGetVariable(variable.Name, out var value))
            {
                return value;
            }

            Report(context.HasVariables
                ? HclDiagnostics.UnknownVariable(path, variable.Range, variable.Name)
                : HclDiagnostics.VariablesNotAllowed(path, variable.Range));
            return null;
        }

        private HclValue? EvalAttribute(GetAttributeExpression attribute, EvaluationContext context)
        {
            var source = Eval(attribute.Source, context);
            switch (source)
            {
                case null:
                    return null;
                case HclObject obj when obj.TryGetValue(attribute.Name, out var member):
                    return member;
                case HclNull:
                    Report(HclDiagnostics.NullValue(path, attribute.Source.Range));
                    return null;
                default:
                    Report(HclDiagnostics.UnsupportedAttribute(path, attribute.NameRange, attribute.Name));
                    return null;
            }
        }

        private HclValue? EvalIndex(IndexExpression index, EvaluationContext context)
        {
            var collection = Eval(index.Collection, context);
            var key = Eval(index.Key, context);
            if (collection is null || key is null)
            {
                return null;
            }

            switch (collection)
            {
                case HclTuple tuple:
                    var number = key as HclNumber ?? (key is HclString s ? HclNumber.Parse(s.Value) : null);
                    if (number is null || !number.TryGetInt32(out var at))
                    {
                        Report(HclDiagnostics.InvalidIndex(path, index.Key.Range, "A tuple must be indexed by a whole number."));
                        return null;
                    }

                    if (at < 0 || at >= tuple.Elements.Count)
                    {
                        Report(HclDiagnostics.InvalidIndex(path, index.Key.Range,
                            $"The index {at} is out of range; the tuple has {tuple.Elements.Count} elements."));
                        return null;
                    }

                    return tuple.Elements[at];
                case HclObject obj:
                    var name = ToTemplateString(key);
                    if (name is not null && obj.TryGetValue(name, out var member))
                    {
                        return member;
                    }

                    Report(HclDiagnostics.InvalidIndex(path, index.Key.Range, $"The object has no element with the key \"{name}\"."));
                    return null;
                case HclNull:
                    Report(HclDiagnostics.NullValue(path, index.Collection.Range));
                    return null;
                default:
                    Report(HclDiagnostics.InvalidIndex(path, index.Range, $"A {collection.TypeName} value cannot be indexed. Index a tuple or an object."));
                    return null;
            }
        }

        private HclTuple? EvalSplat(SplatExpression splat, EvaluationContext context)
        {
            var source = Eval(splat.Source, context);
            IReadOnlyList<HclValue> elements;
            switch (source)
            {
                case null:
                    return null;
                case HclNull:
                    return HclTuple.Empty;
                case HclTuple tuple:
                    elements = tuple.Elements;
                    break;
                default:
                    elements = [source];
                    break;
            }

            var results = new List<HclValue>(elements.Count);
            foreach (var element in elements)
            {
                _splatItems[splat.Item] = element;
                var value = Eval(splat.Each, context);
                if (value is null)
                {
                    _splatItems.Remove(splat.Item);
                    return null;
                }

                results.Add(value);
            }

            _splatItems.Remove(splat.Item);
            return new HclTuple(results);
        }

        private HclValue? EvalCall(FunctionCallExpression call, EvaluationContext context)
        {
            if (!context.TryGetFunction(call.Name, out var function))
            {
                Report(context.HasFunctions
                    ? HclDiagnostics.UnknownFunction(path, call.NameRange, call.Name)
                    : HclDiagnostics.FunctionCallsNotAllowed(path, call.NameRange));
                return null;
            }

            var arguments = new List<HclValue>(call.Arguments.Count);
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                var value = Eval(call.Arguments[i], context);
                if (value is null)
                {
                    return null;
                }

                if (call.ExpandFinal && i == call.Arguments.Count - 1)
                {
                    if (value is not HclTuple expanded)
                    {
                        Report(HclDiagnostics.InvalidOperand(path, call.Arguments[i].Range, "tuple", value.TypeName));
                        return null;
                    }

                    arguments.AddRange(expanded.Elements);
                }
                else
                {
                    arguments.Add(value);
                }
            }

            try
            {
                return function(arguments);
            }
            catch (HclFunctionException exception)
            {
                Report(HclDiagnostics.FunctionError(path, call.Range, call.Name, exception.Message));
                return null;
            }
        }

        private HclValue? EvalUnary(UnaryExpression unary, EvaluationContext context)
        {
            if (unary.Operator == UnaryOperator.Negate)
            {
                return EvalNumber(unary.Operand, context)?.Negate();
            }

            var flag = EvalBool(unary.Operand, context);
            return flag is null ? null : HclBool.From(!flag.Value);
        }

        private HclValue? EvalBinary(BinaryExpression binary, EvaluationContext context)
        {
            switch (binary.Operator)
            {
                case BinaryOperator.And or BinaryOperator.Or:
                    var left = EvalBool(binary.Left, context);
                    var right = EvalBool(binary.Right, context);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    return HclBool.From(binary.Operator == BinaryOperator.And ? left.Value && right.Value : left.Value || right.Value);
                case BinaryOperator.Equal or BinaryOperator.NotEqual:
                    var a = Eval(binary.Left, context);
                    var b = Eval(binary.Right, context);
                    if (a is null || b is null)
                    {
                        return null;
                    }

                    return HclBool.From(ValuesEqual(a, b) == (binary.Operator == BinaryOperator.Equal));
            }

            var x = EvalNumber(binary.Left, context);
            var y = EvalNumber(binary.Right, context);
            if (x is null || y is null)
            {
                return null;
            }

            switch (binary.Operator)
            {
                case BinaryOperator.Add:
                    return x.Add(y);
                case BinaryOperator.Subtract:
                    return x.Subtract(y);
                case BinaryOperator.Multiply:
                    return x.Multiply(y);
                case BinaryOperator.Divide or BinaryOperator.Modulo:
                    var result = binary.Operator == BinaryOperator.Divide ? x.Divide(y) : x.Modulo(y);
                    if (result is null)
                    {
                        Report(HclDiagnostics.DivisionByZero(path, binary.Right.Range));
                    }

                    return result;
                case BinaryOperator.LessThan:
                    return HclBool.From(x < y);
                case BinaryOperator.LessThanOrEqual:
                    return HclBool.From(x <= y);
                case BinaryOperator.GreaterThan:
                    return HclBool.From(x > y);
                default:
                    return HclBool.From(x >= y);
            }
        }

        /// <summary>Deep equality with types: <c>"1" == 1</c> is false.</summary>
        public static bool ValuesEqual(HclValue a, HclValue b)
        {
            switch (a)
            {
                case HclNull:
                    return b is HclNull;
                case HclBool xb:
                    return b is HclBool yb && xb.Value == yb.Value;
                case HclNumber xn:
                    return b is HclNumber yn && xn.Equals(yn);
                case HclString xs:
                    return b is HclString ys && string.Equals(xs.Value, ys.Value, StringComparison.Ordinal);
                case HclTuple x:
                    if (b is not HclTuple yt || x.Elements.Count != yt.Elements.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < x.Elements.Count; i++)
                    {
                        if (!ValuesEqual(x.Elements[i], yt.Elements[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                case HclObject x:
                    if (b is not HclObject yo || x.Members.Count != yo.Members.Count)
                    {
                        return false;
                    }

                    foreach (var member in x.Members)
                    {
                        if (!yo.TryGetValue(member.Key, out var other) || !ValuesEqual(member.Value, other))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        private HclValue? EvalFor(ForExpression loop, EvaluationContext context)
        {
            var collection = Eval(loop.Collection, context);
            if (collection is null)
            {
                return null;
            }

            var values = new List<HclValue>();
            var members = new List<KeyValuePair<string, HclValue>>();
            var groups = new Dictionary<string, List<HclValue>>(StringComparer.Ordinal);
            var groupOrder = new List<string>();
            foreach (var (key, value) in Iterate(collection, loop.Collection.Range))
            {
                var scope = Bind(context, loop.KeyVariable, key, loop.ValueVariable, value);
                if (loop.Condition is not null)
                {
                    var include = EvalBool(loop.Condition, scope);
                    if (include is null)
                    {
                        return null;
                    }

                    if (!include.Value)
                    {
                        continue;
                    }
                }

                var result = Eval(loop.ValueExpression, scope);
                if (result is null)
                {
                    return null;
                }

                if (!loop.IsObject)
                {
                    values.Add(result);
                    continue;
                }

                var keyValue = loop.KeyExpression is null ? null : Eval(loop.KeyExpression, scope);
                var name = keyValue is null ? null : ToTemplateString(keyValue);
                if (name is null)
                {
                    if (keyValue is not null)
                    {
                        Report(HclDiagnostics.InvalidObjectKey(path, loop.KeyExpression!.Range));
                    }

                    return null;
                }

                if (loop.IsGrouping)
                {
                    if (!groups.TryGetValue(name, out var group))
                    {
                        groups[name] = group = [];
                        groupOrder.Add(name);
                    }

                    group.Add(result);
                }
                else
                {
                    if (members.Exists(m => m.Key == name))
                    {
                        Report(HclDiagnostics.DuplicateForKey(path, loop.KeyExpression!.Range, name));
                        return null;
                    }

                    members.Add(new(name, result));
                }
            }

            if (!loop.IsObject)
            {
                return new HclTuple(values);
            }

            if (loop.IsGrouping)
            {
                return new HclObject(groupOrder.Select(k => new KeyValuePair<string, HclValue>(k, new HclTuple(groups[k]))));
            }

            return new HclObject(members);
        }
    }
}
