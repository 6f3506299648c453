using System.Globalization;
using System.Text;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// A seeded, grammar-based generator of valid HCL native syntax: bodies of attributes and blocks (labels, one-line
/// blocks), every literal kind (big and exponent numbers, strings with every escape), templates with interpolations,
/// <c>%{if}</c>/<c>%{for}</c> directives and <c>~</c> strip markers, heredocs, tuples, objects with <c>=</c> and
/// <c>:</c>, operators, conditionals, function calls with <c>...</c>, for expressions, splats, index and attribute
/// access, comments and Unicode identifiers. The same seed always gives the same text.
/// </summary>
internal sealed class HclGenerator
{
    private static readonly string[] AttributeNames =
        ["a", "b", "count", "image", "port_1", "with-dash", "_under", "naïve", "δέλτα", "日本語", "ñandú", "x9", "Ωmega", "true", "for"];

    // Block types with a fixed label count each, so one body never mixes label counts for a type (which HCL's JSON
    // form cannot represent; the converter rejects it).
    private static readonly (string Type, int Labels)[] BlockTypes =
        [("job", 1), ("group", 1), ("task", 1), ("config", 0), ("service", 0), ("resource", 2), ("meta", 0), ("Ünïcode_blk", 1), ("d", 3)];

    private static readonly string[] Variables = ["var", "local", "x", "each", "self", "données", "module", "path"];

    private static readonly string[] Functions = ["upper", "lower", "concat", "merge", "format", "lookup", "length", "jsonencode", "provider::ns::fn", "core::max"];

    private static readonly string[] BinaryOperators = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"];

    private static readonly string[] Numbers =
    [
        "0", "1", "42", "007", "3.14", "1.50", "0.000001", "1e3", "1E3", "1.5e-7", "2.5e+10", "1e0", "6.02214076e23", "1e-30",
        "123456789012345678901234567890", "3.14159265358979323846264338327950288419716939937510582097494459",
        "9007199254740993", "18446744073709551616", "0.1", "100.000", "5e-324", "1.7976931348623157e308",
    ];

    private static readonly string[] StringPieces =
    [
        "hello", " ", "world", "\\n", "\\r", "\\t", "\\\"", "\\\\", "\\u00e9", "\\u2022", "\\U0001F600", "\\U0001d11e", "$${x}",
        "%%{y}", "$", "%", "a$b", "100%", "años", "Жж", "日本", "😀", "e\u0301", "'", "`", "#", "//", "/*", "{", "}", "~", "\\u0041",
    ];

    private static readonly string[] HeredocPieces = ["Foo", "bar baz", "  indented", "\\n stays", "\"quoted\"", "$${esc}", "%%{esc}", "ünï", "#", ""];

    private static readonly string[] Comments = ["# a comment", "// another", "/* block */", "# ünïcode ✓", "//"];

    private readonly Random random;
    private readonly StringBuilder text = new();
    private readonly string newline;

    private HclGenerator(int seed)
    {
        random = new Random(seed);
        newline = random.Next(12) == 0 ? "\r\n" : "\n";
    }

    /// <summary>The HCL file of <paramref name="seed"/>.</summary>
    public static string Generate(int seed)
    {
        var generator = new HclGenerator(seed);
        generator.Body(0, 1 + generator.random.Next(8));
        return generator.text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(int percent) => random.Next(100) < percent;

    private void Indent(int depth) => text.Append(' ', depth * 2);

    private void Body(int depth, int items)
    {
        var attributes = AttributeNames.OrderBy(_ => random.Next()).ToList();
        for (var i = 0; i < items; i++)
        {
            if (Chance(10))
            {
                Indent(depth);
                text.Append(Pick(Comments)).Append(newline);
            }

            if (Chance(8))
            {
                text.Append(newline);
            }

            var kind = random.Next(100);
            if ((kind < 55 || depth >= 3) && attributes.Count > 0)
            {
                Indent(depth);
                var name = attributes[^1];
                attributes.RemoveAt(attributes.Count - 1);
                text.Append(name).Append(Chance(20) ? "   = " : " = ");
                if (Chance(8))
                {
                    Heredoc(depth);
                    continue;
                }

                Expression(depth, 3, multiline: Chance(30));
                if (Chance(10))
                {
                    text.Append(' ').Append(Pick(Comments));
                }

                text.Append(newline);
            }
            else if (depth < 3)
            {
                Block(depth, oneLine: kind >= 85);
            }
        }
    }

    private void Block(int depth, bool oneLine)
    {
        var (type, labels) = Pick(BlockTypes);
        Indent(depth);
        text.Append(type);
        for (var l = 0; l < labels; l++)
        {
            text.Append(' ');
            if (Chance(25))
            {
                text.Append(Pick(Variables)); // a bare identifier label
            }
            else
            {
                text.Append('"').Append(Pick(["web", "g", "a b", "ünï", "t\\tab", "q\\\"q", "", "$${x}", "1"])).Append('"');
            }
        }

        if (oneLine)
        {
            text.Append(" {");
            if (Chance(70))
            {
                text.Append(' ').Append(Pick(AttributeNames)).Append(" = ");
                Expression(depth, 2, multiline: false);
                text.Append(' ');
            }

            text.Append('}').Append(newline);
            return;
        }

        text.Append(" {").Append(newline);
        Body(depth + 1, random.Next(5));
        Indent(depth);
        text.Append('}').Append(newline);
    }

    private void Expression(int depth, int budget, bool multiline)
    {
        if (budget <= 0)
        {
            Primary(depth, 0, multiline);
            return;
        }

        switch (random.Next(10))
        {
            case 0 or 1:
                Operand(depth, budget - 1, multiline);
                text.Append(Chance(80) ? $" {Pick(BinaryOperators)} " : Pick(BinaryOperators));
                Operand(depth, budget - 1, multiline);
                break;
            case 2:
                Operand(depth, budget - 1, multiline);
                text.Append(" ? ");
                Operand(depth, budget - 1, multiline);
                text.Append(" : ");
                Operand(depth, budget - 1, multiline);
                break;
            default:
                Operand(depth, budget, multiline);
                break;
        }
    }

    // A unary expression or a primary with a traversal after it.
    private void Operand(int depth, int budget, bool multiline)
    {
        switch (random.Next(12))
        {
            case 0:
                // on a non-literal (the converter evaluates "-" and "!" on a literal: "-true" is a known divergence)
                text.Append(Pick(["-", "!", "- "]));
                if (Chance(50))
                {
                    Traversal();
                }
                else
                {
                    text.Append('(');
                    Expression(depth, budget - 1, multiline: false);
                    text.Append(')');
                }

                break;
            case 1:
                text.Append(Chance(70) ? Pick(["-", "- "]) + Pick(Numbers) : "!" + Pick(["true", "false"]));
                break;
            default:
                Primary(depth, budget, multiline);
                break;
        }
    }

    private void Primary(int depth, int budget, bool multiline)
    {
        var choice = budget <= 0 ? random.Next(5) : random.Next(16);
        switch (choice)
        {
            case 0 or 1:
                text.Append(Pick(Numbers));
                break;
            case 2:
                text.Append(Pick(["true", "false", "null"]));
                break;
            case 3:
                QuotedTemplate(budget);
                break;
            case 4:
                Traversal();
                break;
            case 5 or 6:
                Tuple(depth, budget - 1, multiline);
                break;
            case 7 or 8:
                ObjectConstructor(depth, budget - 1, multiline);
                break;
            case 9:
                FunctionCall(depth, budget - 1, multiline);
                break;
            case 10:
                ForExpression(budget - 1);
                break;
            case 11:
                text.Append('(');
                Expression(depth, budget - 1, multiline: false);
                text.Append(')');
                break;
            case 12:
                Primary(depth, budget - 1, multiline);
                Postfix();
                break;
            default:
                QuotedTemplate(budget);
                break;
        }
    }

    private void Traversal()
    {
        text.Append(Pick(Variables));
        var steps = random.Next(4);
        for (var i = 0; i < steps; i++)
        {
            Postfix();
        }
    }

    private void Postfix()
    {
        // after a digit, ".0" would continue the number token ("1.5" ".0" scans as "1.5.0", "x.0" ".0" as a chained
        // legacy index), which HCL rejects: use "[0]" there
        var afterDigit = text.Length > 0 && char.IsAsciiDigit(text[^1]);

        // and an attribute-only splat (".*") cannot hold another one
        var term = text.ToString(Math.Max(0, text.Length - 40), Math.Min(40, text.Length));
        var inAttributeSplat = term[(term.LastIndexOfAny([' ', '(', '[', '{', ',', '\n']) + 1)..].Contains(".*", StringComparison.Ordinal);
        text.Append(random.Next(9) switch
        {
            4 when afterDigit => "[0]",
            6 when inAttributeSplat => "[*].id",
            0 => ".name",
            1 => ".ünï",
            2 => "[0]",
            3 => "[\"key\"]",
            4 => ".0",
            5 => "[*].id",
            6 => ".*.id",
            7 => "[x]",
            _ => "[*]",
        });
    }

    private void Tuple(int depth, int budget, bool multiline)
    {
        var count = random.Next(4);
        text.Append('[');
        for (var i = 0; i < count; i++)
        {
            if (multiline)
            {
                text.Append(newline);
                Indent(depth + 1);
            }

            Expression(depth + 1, budget, multiline);
            if (i < count - 1 || Chance(20))
            {
                text.Append(',');
            }

            if (multiline && Chance(10))
            {
                text.Append(" # item");
            }

            if (!multiline && i < count - 1)
            {
                text.Append(' ');
            }
        }

        if (multiline && count > 0)
        {
            text.Append(newline);
            Indent(depth);
        }

        text.Append(']');
    }

    private void ObjectConstructor(int depth, int budget, bool multiline)
    {
        var count = random.Next(4);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        text.Append('{');
        for (var i = 0; i < count; i++)
        {
            var key = random.Next(10) switch
            {
                0 => "\"quoted key\"",
                1 => "\"k\\t" + i.ToString(CultureInfo.InvariantCulture) + "\"",
                2 => Pick(["15", "1.50", "true", "null"]),
                3 => "(" + Pick(Variables) + ".k)",
                4 => Pick(Variables) + ".k",
                _ => Pick(AttributeNames.Where(n => n is not "true" and not "for").ToList()),
            };
            if (!keys.Add(key))
            {
                continue;
            }

            if (multiline)
            {
                text.Append(newline);
                Indent(depth + 1);
            }
            else
            {
                text.Append(' ');
            }

            text.Append(key).Append(Chance(70) ? " = " : ": ");
            Expression(depth + 1, budget, multiline);
            if (!multiline && i < count - 1)
            {
                text.Append(',');
            }
            else if (multiline && Chance(15))
            {
                text.Append(',');
            }
        }

        if (multiline && keys.Count > 0)
        {
            text.Append(newline);
            Indent(depth);
        }
        else if (keys.Count > 0)
        {
            text.Append(' ');
        }

        text.Append('}');
    }

    private void FunctionCall(int depth, int budget, bool multiline)
    {
        text.Append(Pick(Functions)).Append('(');
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            if (multiline)
            {
                text.Append(newline);
                Indent(depth + 1);
                if (Chance(10))
                {
                    text.Append("# arg").Append(newline);
                    Indent(depth + 1);
                }
            }

            Expression(depth + 1, budget, multiline);
            if (i == count - 1 && Chance(20))
            {
                text.Append("...");
            }
            else if (i < count - 1)
            {
                text.Append(multiline ? "," : ", ");
            }
            else if (multiline && Chance(40))
            {
                text.Append(',');
            }
        }

        if (multiline && count > 0)
        {
            text.Append(newline);
            Indent(depth);
        }

        text.Append(')');
    }

    private void ForExpression(int budget)
    {
        var objectForm = Chance(50);
        text.Append(objectForm ? '{' : '[').Append("for ");
        text.Append(Chance(50) ? "k, v" : "v").Append(" in ");
        Operand(0, budget, multiline: false);
        text.Append(" : ");
        if (objectForm)
        {
            Expression(0, budget, multiline: false);
            text.Append(" => ");
            Expression(0, budget, multiline: false);
            if (Chance(30))
            {
                text.Append("...");
            }
        }
        else
        {
            Expression(0, budget, multiline: false);
        }

        if (Chance(30))
        {
            text.Append(" if ");
            Expression(0, budget, multiline: false);
        }

        text.Append(objectForm ? '}' : ']');
    }

    // A quoted string: literal pieces, interpolations (with strip markers) and directives.
    private void QuotedTemplate(int budget)
    {
        text.Append('"');
        TemplateParts(budget, random.Next(5));
        text.Append('"');
    }

    private void TemplateParts(int budget, int parts)
    {
        for (var i = 0; i < parts; i++)
        {
            var kind = budget <= 0 ? 0 : random.Next(10);
            switch (kind)
            {
                case 0 or 1 or 2 or 3 or 4:
                    // "$" or "%" at the end of a piece must not meet a "{" at the start of the next one
                    var piece = Pick(StringPieces);
                    text.Append(piece);
                    if (piece.EndsWith('$') || piece.EndsWith('%'))
                    {
                        text.Append('.');
                    }

                    break;
                case 5 or 6 or 7:
                    text.Append("${").Append(Strip()).Append(Chance(30) ? " " : "");
                    Expression(0, budget - 1, multiline: false);
                    text.Append(Chance(30) ? " " : "").Append(Strip()).Append('}');
                    break;
                case 8:
                    text.Append("%{").Append(Strip()).Append(" if ");
                    Expression(0, budget - 1, multiline: false);
                    text.Append(' ').Append(Strip()).Append('}');
                    TemplateParts(budget - 1, random.Next(3));
                    if (Chance(50))
                    {
                        text.Append("%{").Append(Strip()).Append(" else ").Append(Strip()).Append('}');
                        TemplateParts(budget - 1, random.Next(3));
                    }

                    text.Append("%{").Append(Strip()).Append(" endif ").Append(Strip()).Append('}');
                    break;
                default:
                    text.Append("%{").Append(Strip()).Append(Chance(50) ? " for v in " : " for k, v in ");
                    Operand(0, budget - 1, multiline: false);
                    text.Append(' ').Append(Strip()).Append('}');
                    TemplateParts(budget - 1, random.Next(3));
                    text.Append("%{").Append(Strip()).Append(" endfor ").Append(Strip()).Append('}');
                    break;
            }
        }
    }

    private string Strip() => Chance(25) ? "~" : "";

    private void Heredoc(int depth)
    {
        var indented = Chance(50);
        var marker = Pick(["EOT", "EOF", "END_OF_TEXT", "X"]);
        text.Append(indented ? "<<-" : "<<").Append(marker).Append(newline);
        var lines = random.Next(5);
        var indent = indented ? 2 + random.Next(4) : 0;
        for (var i = 0; i < lines; i++)
        {
            text.Append(' ', indent + (Chance(30) ? random.Next(3) : 0));
            var parts = random.Next(4);
            for (var p = 0; p < parts; p++)
            {
                if (Chance(25))
                {
                    text.Append("${").Append(Strip());
                    Expression(0, 1, multiline: false);
                    text.Append(Strip()).Append('}');
                }
                else if (Chance(10))
                {
                    text.Append("%{ if ");
                    Traversal();
                    text.Append(" }yes%{ else }no%{ endif }");
                }
                else
                {
                    text.Append(Pick(HeredocPieces));
                }
            }

            text.Append(newline);
        }

        Indent(indented ? depth + random.Next(2) : 0);
        text.Append(marker).Append(newline);
    }
}
