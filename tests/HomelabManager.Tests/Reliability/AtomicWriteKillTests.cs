using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Published;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// The published binary writing large outputs (<c>render --out</c>: one job file per service; <c>node nixos --out</c>)
/// is killed with SIGKILL after random short delays, dozens of times. Every output file present afterwards is the old
/// complete content or the new complete content, never a part; leftovers are only hidden temporary files
/// (<c>.NAME.HEX.tmp</c>), never anything that looks like an output.
/// </summary>
public sealed partial class AtomicWriteKillTests
{
    private const int Services = 120;

    [Fact]
    public void Render_out_killed_at_random_points_leaves_only_complete_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var binary = PublishedBinary.Current;
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml);
        var outDirectory = Path.Combine(lab.Directory, "rendered");

        // Two complete versions of every file, written by uninterrupted runs.
        var versions = new Dictionary<string, string>[2];
        for (var v = 0; v < 2; v++)
        {
            WriteServices(lab, v);
            var reference = Path.Combine(lab.Directory, $"reference-{v}");
            var result = binary.Run(lab.Directory, "render", "--out", reference);
            Assert.True(result.ExitCode == 0, result.Error);
            versions[v] = Directory.GetFiles(reference).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
            Assert.Equal(Services, versions[v].Count);
            Assert.True(versions[v].Values.Sum(t => t.Length) > 1_000_000, "outputs should be large");
        }

        var duration = Time(() => binary.Run(lab.Directory, "render", "--out", outDirectory));
        KillLoop(binary, lab, _ => ["render", "--out", outDirectory], iterations: 40, duration, seed: 17, setVersion: v => WriteServices(lab, v));
        AssertOnlyCompleteFiles(outDirectory, versions);
    }

    [Fact]
    public void Node_nixos_out_killed_at_random_points_leaves_only_a_complete_module()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var binary = PublishedBinary.Current;
        using var lab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml);
        var outDirectory = Path.Combine(lab.Directory, "nixos");
        Directory.CreateDirectory(outDirectory);
        var module = Path.Combine(outDirectory, "homelab.nix");
        var versions = new Dictionary<string, string>[2];
        for (var v = 0; v < 2; v++)
        {
            WriteServices(lab, v);
            var result = binary.Run(lab.Directory, "node", "nixos");
            Assert.True(result.ExitCode == 0, result.Error);
            versions[v] = new Dictionary<string, string> { ["homelab.nix"] = result.Out };
        }

        var duration = Time(() => binary.Run(lab.Directory, "node", "nixos", "--out", module));
        KillLoop(binary, lab, _ => ["node", "nixos", "--out", module], iterations: 24, duration, seed: 29, setVersion: v => WriteServices(lab, v));
        AssertOnlyCompleteFiles(outDirectory, versions);
    }

    [Fact]
    public void Configure_killed_at_random_points_leaves_homelab_yaml_complete()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var binary = PublishedBinary.Current;
        using var lab = new TempHomelab();
        WriteServices(lab, 0);
        var yaml = Path.Combine(lab.Directory, "homelab.yaml");
        string[] Configure(int version) => ["configure", "--set", $"homelab.domain=v{version}.lab.example.com", "--set", "homelab.datacenters=dc1,dc2"];

        // The two complete files configure writes, each from an uninterrupted run (comments of the original kept).
        var original = "# my lab\nhomelab:\n  domain: lab.example.com   # the public domain\n";
        var versions = new Dictionary<string, string>[2];
        for (var v = 0; v < 2; v++)
        {
            File.WriteAllText(yaml, original);
            var result = binary.Run(lab.Directory, Configure(v));
            Assert.True(result.ExitCode == 0, result.Out + result.Error);
            versions[v] = new Dictionary<string, string> { ["homelab.yaml"] = File.ReadAllText(yaml) };
            Assert.Contains("# the public domain", versions[v]["homelab.yaml"], StringComparison.Ordinal);
        }

        var duration = Time(() => binary.Run(lab.Directory, Configure(0)));
        KillLoop(binary, lab, i => Configure(i % 2), iterations: 30, duration, seed: 41, setVersion: _ => { });
        AssertOnlyCompleteFiles(lab.Directory, versions);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(yaml));
        }
    }

    /// <summary>Alternates the homelab between its two versions, starts the command and kills it after a random delay.</summary>
    private static void KillLoop(PublishedBinary binary, TempHomelab lab, Func<int, string[]> arguments, int iterations, TimeSpan duration, int seed, Action<int> setVersion)
    {
        var random = new Random(seed);
        var killed = 0;
        for (var i = 0; i < iterations; i++)
        {
            setVersion(i % 2);
            var start = new ProcessStartInfo(binary.Path)
            {
                WorkingDirectory = lab.Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in arguments(i))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            Thread.Sleep(TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds * 1.2));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL on Unix: no finally blocks, no flushing.
                killed++;
            }

            process.WaitForExit();
        }

        Assert.True(killed > 0, "no run was killed mid-way; the delays are too long for this machine");
    }

    private static void AssertOnlyCompleteFiles(string directory, Dictionary<string, string>[] versions)
    {
        foreach (var path in Directory.GetFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (TemporaryFile().IsMatch(name))
            {
                continue; // a hidden leftover of a killed write, never mistaken for an output
            }

            Assert.True(versions[0].ContainsKey(name), $"unexpected file {name}");
            var text = File.ReadAllText(path);
            Assert.True(text == versions[0][name] || text == versions[1][name], $"{name} is neither the old nor the new complete content ({text.Length} characters):\n{text}\n--- old:\n{versions[0][name]}\n--- new:\n{versions[1][name]}");
        }
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    /// <summary>Services with many literal env values, so each job file is tens of KiB; versions differ in image and values.</summary>
    private static void WriteServices(TempHomelab lab, int version)
    {
        for (var s = 0; s < Services; s++)
        {
            var env = new StringBuilder();
            for (var e = 0; e < 60; e++)
            {
                env.Append("    VAR_").Append(e).Append(" = \"").Append('v', 100).Append(version).Append("\"\n");
            }

            lab.Service($"svc-{s}", $$"""
                service {
                  name = "svc-{{s}}"
                  container {
                    image = "nginx:1.{{27 + version}}"
                    ports = [{ internal = 80, external = {{20000 + s}} }]
                  }
                  env {
                {{env}}  }
                }
                """);
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{12}\.tmp$")]
    private static partial Regex TemporaryFile();
}
