using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>
/// Reads typed constants from the attributes of one file, putting each problem (not a constant,
/// wrong type, out of range) at the offending expression. A failed read returns null.
/// </summary>
internal sealed class AttributeReader(string path, DiagnosticBag diagnostics)
{
    public string Path { get; } = path;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The constant value of an expression, or null with a diagnostic.</summary>
    public HclValue? Evaluate(ExpressionSyntax expression, string name)
    {
        var result = HclEvaluator.Evaluate(expression, null, Path);
        if (result.Diagnostics.Any(d => d.IsError) || result.Value is null)
        {
            Diagnostics.Add(ServiceDiagnostics.NotEvaluable(Path, expression.Range, name));
            return null;
        }

        return result.Value;
    }

    public string? String(AttributeSyntax? attribute) =>
        attribute is null ? null : String(attribute.Expression, attribute.Name);

    public string? String(ExpressionSyntax expression, string name) => Evaluate(expression, name) switch
    {
        null => null,
        HclString text => text.Value,
        _ => WrongType<string>(expression.Range, name, "a string, e.g. \"text\""),
    };

    /// <summary>Text of a scalar: strings as they are, numbers and bools written out (env values like <c>PUID = 1000</c>).</summary>
    public string? Scalar(ExpressionSyntax expression, string name) => Evaluate(expression, name) switch
    {
        null => null,
        HclString text => text.Value,
        HclNumber number => number.ToString(),
        HclBool flag => flag.Value ? "true" : "false",
        _ => WrongType<string>(expression.Range, name, "a string, number or bool"),
    };

    public bool? Bool(AttributeSyntax? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        return Evaluate(attribute.Expression, attribute.Name) switch
        {
            null => null,
            HclBool flag => flag.Value,
            _ => WrongType<bool?>(attribute.Expression.Range, attribute.Name, "true or false"),
        };
    }

    public int? Integer(AttributeSyntax? attribute, long min, long max, string unit = "") =>
        attribute is null ? null : Integer(attribute.Expression, attribute.Name, min, max, unit);

    public int? Integer(ExpressionSyntax expression, string name, long min, long max, string unit = "")
    {
        var value = Evaluate(expression, name);
        if (value is null)
        {
            return null;
        }

        if (value is not HclNumber number || !number.TryGetInt64(out var whole))
        {
            return WrongType<int?>(expression.Range, name, "a whole number");
        }

        if (whole < min || whole > max)
        {
            Diagnostics.Add(ServiceDiagnostics.OutOfRange(Path, expression.Range, name, whole, min, max, unit));
            return null;
        }

        return (int)whole;
    }

    /// <summary>A list of strings with the range of each element.</summary>
    public IReadOnlyList<(string Value, SourceRange Range)>? StringList(AttributeSyntax? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        if (attribute.Expression is not TupleExpression tuple)
        {
            return Evaluate(attribute.Expression, attribute.Name) is null
                ? null
                : WrongType<IReadOnlyList<(string, SourceRange)>>(attribute.Expression.Range, attribute.Name, "a list of strings, e.g. [\"a\", \"b\"]");
        }

        var items = new List<(string, SourceRange)>();
        foreach (var element in tuple.Elements)
        {
            var text = String(element, attribute.Name + " element");
            if (text is not null)
            {
                items.Add((text, element.Range));
            }
        }

        return items;
    }

    private T? WrongType<T>(SourceRange range, string name, string expected)
    {
        Diagnostics.Add(ServiceDiagnostics.WrongType(Path, range, name, expected));
        return default;
    }
}
