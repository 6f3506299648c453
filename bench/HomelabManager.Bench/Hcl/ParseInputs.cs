using System.Text;

namespace HomelabManager.Bench.Hcl;

/// <summary>The texts the parser is measured on: the real-jobspec corpus and a generated multi-MB file.</summary>
public static class ParseInputs
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Inputs = new(Load);
    private static readonly Dictionary<string, string> Generated = new(StringComparer.Ordinal);

    /// <summary>Input names: the corpus (when present) and the generated 8 MB file (what <c>quick</c> and <c>dump</c> use).</summary>
    public static IEnumerable<string> Names => Inputs.Value.Keys;

    /// <summary>Generated files of 1, 2, 4 and 8 MB: how throughput depends on the size of the tree being built.</summary>
    public static IEnumerable<string> GeneratedSizes => ["generated-1MB", "generated-2MB", "generated-4MB", "generated-8MB"];

    /// <summary>The text of one input: a name of <see cref="Names"/> or <see cref="GeneratedSizes"/>.</summary>
    public static string Text(string name)
    {
        if (Inputs.Value.TryGetValue(name, out var text))
        {
            return text;
        }

        lock (Generated)
        {
            if (!Generated.TryGetValue(name, out text))
            {
                var megabytes = int.Parse(name["generated-".Length..^"MB".Length], System.Globalization.CultureInfo.InvariantCulture);
                Generated[name] = text = GeneratedJobs(megabytes * 1024 * 1024);
            }

            return text;
        }
    }

    /// <summary>The UTF-8 size of one input in bytes.</summary>
    public static long Bytes(string name) => Encoding.UTF8.GetByteCount(Text(name));

    private static Dictionary<string, string> Load()
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var corpus = FindCorpus();
        if (corpus is not null)
        {
            var files = Directory.EnumerateFiles(corpus)
                .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            inputs["nomad-jobs-corpus"] = string.Join("\n", files.Select(File.ReadAllText));
        }

        inputs["generated-8MB"] = GeneratedJobs(8 * 1024 * 1024);
        return inputs;
    }

    /// <summary>Finds <c>../shared/corpus/nomad-jobs</c> beside the repository, or null.</summary>
    private static string? FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "nomad-jobs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Realistic job files (blocks, strings, heredocs, expressions, comments) repeated to about <paramref name="bytes"/>.</summary>
    public static string GeneratedJobs(int bytes)
    {
        var builder = new StringBuilder(bytes + 4096);
        for (var i = 0; builder.Length < bytes; i++)
        {
            builder.Append($$$"""
                # service {{{i}}}
                job "svc-{{{i}}}" {
                  datacenters = ["dc1", "dc2"]
                  type        = "service"
                  meta = {
                    owner = "team-${var.team}"
                    index = {{{i}}}
                  }

                  group "app" {
                    count = {{{i % 3 + 1}}}
                    network {
                      port "http" { to = 8080 }
                    }

                    task "server" {
                      driver = "docker"
                      config {
                        image = "ghcr.io/example/app-{{{i}}}:1.{{{i % 10}}}.0"
                        ports = ["http"]
                        args  = ["--listen", ":8080", "--workers", "${attr.cpu.numcores * 2}"]
                      }

                      template {
                        destination = "secrets/app.env"
                        env         = true
                        data        = <<-EOT
                          {{ with secret "secret/data/app-{{{i}}}" }}
                          PASSWORD={{ .Data.data.password }}
                          {{ end }}
                        EOT
                      }

                      resources {
                        cpu    = {{{100 + i % 900}}}
                        memory = {{{128 + i % 1024}}}
                      }
                    }
                  }
                }

                """);
        }

        return builder.ToString();
    }
}
