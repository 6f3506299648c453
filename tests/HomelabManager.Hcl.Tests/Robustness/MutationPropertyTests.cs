using System.Text;
using CsCheck;
using HomelabManager.Hcl.Tests.Conformance;

namespace HomelabManager.Hcl.Tests.Robustness;

/// <summary>
/// Property tests: thousands of random mutations of real inputs (the corpus files when present, built-in
/// samples always) never throw, never hang, and keep every diagnostic inside the file.
/// </summary>
public sealed class MutationPropertyTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static readonly string[] Snippets =
    [
        "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "}", "<<EOT\n", "<<-EOT\n", "EOT\n", "\n", "#", "//", "/*", "*/", "\\",
        "=", ",", "...", ".*", "[*]", "::", "?", ":", "for ", " in ", " if ", "%{endif}", "%{ for x in y }", "%{else}", "\u201C", "0.0.",
        "1e99", "=>", "!", "-", "&&", "`", "'", ";", "\r", "\t", "\u0303", "😀", "\\u", "\\U0010FFFF", "$${", "%%{",
    ];

    private static readonly string[] Samples =
    [
        "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    count = 2\n    task \"t\" {\n      driver = \"docker\"\n"
        + "      config { image = \"nginx:${var.v}\" }\n      template {\n        data = <<-EOF\n          {{ key \"x\" }}\n"
        + "          %{ if a ~} yes %{~ else } no %{ endif }\n        EOF\n      }\n    }\n  }\n}\n",
        "variable \"x\" {\n  type = map(object({ a = string }))\n  default = { for k, v in var.m : k => v... if v != null }\n}\n"
        + "locals {\n  l = [for i, v in [1, 2.5e3, -3] : v * i]\n  s = a.b[*].c.0 / (2 + 3) % 4 == 5 ? \"y\" : \"n\"\n"
        + "  t = provider::ns::f(x...)\n  u = !true || false && 1 >= 2\n}\n# c\n// c\n/* c */\n",
    ];

    private static readonly Lazy<string[]> Inputs = new(() =>
    {
        var files = new List<string>(Samples);
        var root = CorpusLocator.CorpusRoot;
        if (root is not null)
        {
            foreach (var folder in new[] { "hcl-spec", "nomad-jobs" })
            {
                var directory = Path.Combine(root, folder);
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                files.AddRange(Directory.EnumerateFiles(directory)
                    .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".txt", StringComparison.Ordinal)
                        && !f.EndsWith(".md", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(File.ReadAllText));
            }
        }

        return [.. files];
    });

    private static readonly Gen<(int Kind, int A, int B, int C)> Operation =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]);

    private static readonly Gen<(int File, (int Kind, int A, int B, int C)[] Operations)> Plan =
        Gen.Select(Gen.Int[0, int.MaxValue], Operation.Array[1, 6]);

    [Fact]
    public void RandomMutationsNeverThrowOrHangAndKeepRangesInside()
    {
        Plan.Sample(
            plan => RobustnessChecks.ParseConvertEvaluate(Mutate(plan.File, plan.Operations), Limit),
            iter: 4000,
            print: plan => RobustnessChecks.Preview(Mutate(plan.File, plan.Operations)));
    }

    [Fact]
    public void EveryPrefixOfASampleIsHandled()
    {
        foreach (var sample in Samples)
        {
            for (var length = 0; length <= sample.Length; length++)
            {
                RobustnessChecks.ParseConvertEvaluate(sample[..length], Limit);
            }
        }
    }

    private static string Mutate(int file, (int Kind, int A, int B, int C)[] operations)
    {
        var inputs = Inputs.Value;
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(inputs[file % inputs.Length]));
        foreach (var (kind, a, b, c) in operations)
        {
            var count = bytes.Count;
            var position = count == 0 ? 0 : a % (count + 1);
            var span = 1 + (b % 16);
            switch (kind)
            {
                case 0: // delete a range
                    bytes.RemoveRange(Math.Min(position, count), Math.Min(span, count - Math.Min(position, count)));
                    break;
                case 1: // duplicate a range
                    if (count > 0)
                    {
                        var from = a % count;
                        var copy = bytes.GetRange(from, Math.Min(span, count - from));
                        bytes.InsertRange(c % (count + 1), copy);
                    }

                    break;
                case 2: // swap two bytes
                    if (count > 1)
                    {
                        var i = a % count;
                        var j = c % count;
                        (bytes[i], bytes[j]) = (bytes[j], bytes[i]);
                    }

                    break;
                case 3: // insert a byte, often invalid UTF-8
                    bytes.Insert(position, (byte)(b % 2 == 0 ? 0x80 + (c % 0x80) : c % 256));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(position, count - position);
                    break;
                case 5: // insert a syntax snippet
                    bytes.InsertRange(position, Encoding.UTF8.GetBytes(Snippets[b % Snippets.Length]));
                    break;
                case 6: // swap two short ranges ("token swap")
                    if (count > 2 * span)
                    {
                        var first = a % (count - (2 * span));
                        var second = first + span + (c % (count - first - (2 * span) + 1));
                        for (var k = 0; k < span; k++)
                        {
                            (bytes[first + k], bytes[second + k]) = (bytes[second + k], bytes[first + k]);
                        }
                    }

                    break;
                default: // overwrite a byte
                    if (count > 0)
                    {
                        bytes[a % count] = (byte)(b % 256);
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
