using System.Text;
using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Fuzz;

/// <summary>
/// The entry functions the fuzzer drives, one per target. Each turns arbitrary bytes into text and runs one
/// input path the way the CLI does, including printing its diagnostics. The contract under test: these never
/// throw and always end; bad input only produces diagnostics.
/// </summary>
public static class FuzzTargets
{
    /// <summary>Target names, for the command line and the seed-corpus smoke test.</summary>
    public static IReadOnlyList<string> Names { get; } = ["hcl", "service", "yaml"];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static Action<string>? Find(string name) => name switch
    {
        "hcl" => Hcl,
        "service" => Service,
        "yaml" => Yaml,
        _ => null,
    };

    /// <summary>Decodes fuzzer bytes as the CLI reads files (UTF-8, invalid sequences replaced).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The HCL parser, then the JSON conversion of what parsed cleanly (the <c>hcl</c> command's path).</summary>
    public static void Hcl(string text)
    {
        var source = new SourceText("fuzz.hcl", text);
        var parse = HclParser.ParseFile(source);
        Print(parse.Diagnostics, source);
        if (!parse.HasErrors)
        {
            var json = HclJson.Convert(parse.Body, source);
            Print(json.Diagnostics, source);
        }
    }

    /// <summary>The service.hcl binder (parse, schema check, every value check) for a folder named <c>svc</c>.</summary>
    public static void Service(string text)
    {
        var source = new SourceText("services/svc/service.hcl", text);
        var diagnostics = new DiagnosticBag();
        ServiceBinder.Bind(source, "svc", diagnostics);
        Print(diagnostics, source);
    }

    /// <summary>The homelab.yaml loader, with a few variables set so placeholders resolve or fail both ways.</summary>
    public static void Yaml(string text)
    {
        var source = new SourceText("homelab.yaml", text);
        var result = HomelabConfigurationLoader.Parse(source, Variables);
        Print(result.Diagnostics, source);
    }

    private static readonly DictionaryVariables Variables = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOMAIN"] = "lab.example.com",
        ["CF_API_TOKEN"] = "token-value",
        ["EMPTY"] = string.Empty,
    });

    /// <summary>Formats every diagnostic as the CLI prints it (path:line:col, the source line, a caret).</summary>
    private static void Print(IEnumerable<Diagnostic> diagnostics, SourceText source)
    {
        foreach (var diagnostic in diagnostics)
        {
            _ = DiagnosticFormatter.Format(diagnostic, source);
        }
    }
}
