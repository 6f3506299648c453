using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Json;

/// <summary>
/// Converts a parsed file to HCL's JSON form (the shape of tmccombs/hcl2json): blocks nested per label and
/// ending in arrays, literal values as JSON values, every other expression as <c>"${source}"</c>.
/// </summary>
public static class HclJson
{
    /// <summary>Converts <paramref name="body"/> (parsed from <paramref name="source"/>) to indented JSON.</summary>
    public static HclJsonResult Convert(Body body, SourceText source)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(source);
        var converter = new Converter(source);
        var root = converter.ConvertBody(body);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, source.Text.Length * 2));
        var options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = int.MaxValue,
            SkipValidation = true,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            converter.Write(writer, root, body.Range);
        }

        return new HclJsonResult(Encoding.UTF8.GetString(buffer.WrittenSpan), converter.Diagnostics);
    }

    /// <summary>Writes a literal template text as HCL JSON expects: <c>${</c> and <c>%{</c> doubled.</summary>
    public static string EscapeTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        return text.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);
    }

    private sealed class Converter(SourceText source)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public JsonObject ConvertBody(Body body)
        {
            var result = new JsonObject();
            HashSet<string>? attributeNames = null;
            foreach (var attribute in body.Attributes)
            {
                (attributeNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(attribute.Name);
                result.Set(attribute.Name, ConvertExpression(attribute.Expression));
            }

            foreach (var block in body.Blocks)
            {
                if (attributeNames is not null && attributeNames.Contains(block.Type))
                {
                    continue;
                }

                AddBlock(result, block);
            }

            return result;
        }

        private void AddBlock(JsonObject target, BlockSyntax block)
        {
            var key = block.Type;
            var node = target;
            foreach (var label in block.Labels)
            {
                if (node.TryGet(key, out var existing))
                {
                    if (existing is not JsonObject inner)
                    {
                        Diagnostics.Add(HclDiagnostics.InconsistentBlockLabels(source.Path, block.TypeRange, block.Type));
                        return;
                    }

                    node = inner;
                }
                else
                {
                    var inner = new JsonObject();
                    node.Set(key, inner);
                    node = inner;
                }

                key = label.Value;
            }

            var value = RuntimeHelpers.TryEnsureSufficientExecutionStack() ? ConvertBody(block.Body) : TooDeep(block.Range);
            if (node.TryGet(key, out var current))
            {
                if (current is JsonArray list)
                {
                    list.Items.Add(value);
                }
                else
                {
                    Diagnostics.Add(HclDiagnostics.InconsistentBlockLabels(source.Path, block.TypeRange, block.Type));
                }
            }
            else
            {
                var list = new JsonArray();
                list.Items.Add(value);
                node.Set(key, list);
            }
        }

        private JsonObject TooDeep(SourceRange range)
        {
            Diagnostics.Add(HclDiagnostics.JsonTooDeep(source.Path, range));
            return new JsonObject();
        }

        private string Source(SyntaxNode node) => node.GetText(source);

        private string Wrap(SyntaxNode node) => "${" + Source(node) + "}";

        private JsonNode ConvertExpression(ExpressionSyntax expression)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                Diagnostics.Add(HclDiagnostics.JsonTooDeep(source.Path, expression.Range));
                return new JsonRaw("null");
            }

            switch (expression)
            {
                case LiteralExpression literal:
                    return literal.Value is HclString text ? new JsonText(text.Value) : new JsonRaw(RawLiteral(literal.Value));
                case UnaryExpression { Operand: LiteralExpression operand } unary:
                    return unary.Operator switch
                    {
                        UnaryOperator.Negate when operand.Value is HclNumber number => new JsonRaw(number.Negate().ToString()),
                        UnaryOperator.Not when operand.Value is HclBool flag => new JsonRaw(flag.Value ? "false" : "true"),
                        _ => new JsonText(Wrap(unary)),
                    };
                case TemplateExpression { IsSingleInterpolation: true } wrap:
                    return ConvertExpression(wrap.Parts[0]);
                case TemplateExpression template:
                    return new JsonText(ConvertTemplate(template));
                case TupleExpression tuple:
                    var array = new JsonArray();
                    foreach (var element in tuple.Elements)
                    {
                        array.Items.Add(ConvertExpression(element));
                    }

                    return array;
                case ObjectExpression obj:
                    var result = new JsonObject();
                    foreach (var item in obj.Items)
                    {
                        result.Set(ConvertKey(item.Key), ConvertExpression(item.Value));
                    }

                    return result;
                default:
                    return new JsonText(Wrap(expression));
            }
        }

        private static string RawLiteral(HclValue value) => value switch
        {
            HclNumber number => number.ToString(),
            HclBool flag => flag.Value ? "true" : "false",
            _ => "null",
        };

        private string ConvertKey(ExpressionSyntax key) => IsStaticTraversal(key) ? Source(key) : ConvertStringPart(key);

        private static bool IsStaticTraversal(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case VariableExpression:
                        return true;
                    case GetAttributeExpression attribute:
                        expression = attribute.Source;
                        continue;
                    case IndexExpression index when index.IsLegacy || index.Key is LiteralExpression
                        || index.Key is TemplateExpression { IsStringLiteral: true }:
                        expression = index.Collection;
                        continue;
                    default:
                        return false;
                }
            }
        }

        private string ConvertTemplate(TemplateExpression template)
        {
            if (template.LiteralValue is { } literal)
            {
                return EscapeTemplate(literal);
            }

            var builder = new StringBuilder();
            foreach (var part in template.Parts)
            {
                builder.Append(ConvertStringPart(part));
            }

            return builder.ToString();
        }

        private string ConvertStringPart(ExpressionSyntax expression)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                Diagnostics.Add(HclDiagnostics.JsonTooDeep(source.Path, expression.Range));
                return string.Empty;
            }

            switch (expression)
            {
                case LiteralExpression literal:
                    return literal.Value is HclString text ? EscapeTemplate(text.Value) : RawLiteral(literal.Value);
                case TemplateExpression { IsSingleInterpolation: true } wrap:
                    return ConvertStringPart(wrap.Parts[0]);
                case TemplateExpression template:
                    return ConvertTemplate(template);
                case ConditionalExpression conditional:
                    return IfDirective(conditional.Condition, conditional.TrueResult, conditional.FalseResult);
                case TemplateIfExpression directive:
                    return IfDirective(directive.Condition, directive.TrueTemplate, directive.FalseTemplate);
                case TemplateForExpression loop:
                    var key = loop.KeyVariable is null ? string.Empty : loop.KeyVariable + ", ";
                    return "%{for " + key + loop.ValueVariable + " in " + Source(loop.Collection) + "}"
                        + ConvertStringPart(loop.Body) + "%{endfor}";
                default:
                    return Wrap(expression);
            }
        }

        private string IfDirective(ExpressionSyntax condition, ExpressionSyntax whenTrue, ExpressionSyntax whenFalse)
        {
            var builder = new StringBuilder();
            builder.Append("%{if ").Append(Source(condition)).Append('}').Append(ConvertStringPart(whenTrue));
            var otherwise = ConvertStringPart(whenFalse);
            if (otherwise.Length > 0)
            {
                builder.Append("%{else}").Append(otherwise);
            }

            return builder.Append("%{endif}").ToString();
        }

        public void Write(Utf8JsonWriter writer, JsonNode node, SourceRange range)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                Diagnostics.Add(HclDiagnostics.JsonTooDeep(source.Path, range));
                writer.WriteNullValue();
                return;
            }

            switch (node)
            {
                case JsonRaw raw:
                    writer.WriteRawValue(raw.Text, skipInputValidation: true);
                    break;
                case JsonText text:
                    writer.WriteStringValue(Sanitize(text.Value));
                    break;
                case JsonArray array:
                    writer.WriteStartArray();
                    foreach (var item in array.Items)
                    {
                        Write(writer, item, range);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonObject obj:
                    writer.WriteStartObject();
                    foreach (var member in obj.Members)
                    {
                        writer.WritePropertyName(Sanitize(member.Key));
                        Write(writer, member.Value, range);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }

        /// <summary>Replaces unpaired surrogates (which JSON writers reject) with U+FFFD.</summary>
        private static string Sanitize(string value)
        {
            if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            {
                return value;
            }

            var chars = value.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = '\uFFFD';
                }
            }

            return new string(chars);
        }
    }
}
