using System.Globalization;
using System.Text.RegularExpressions;
using HomelabManager.Bench.Cluster;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;

// Usage: HomelabManager.Bench.Cluster --cli BINARY --dir LAB [--latency-ms 5] [--changed 50] [--runs 5] [--summary FILE]
// LAB is a generated homelab (bench/generate-homelab.sh). Each vault: reference in it is seeded in the Vault double,
// the whole lab is deployed once, then Nomad answers every request after the injected latency and the figures are
// taken: plan, a no-change deploy, and deploys where the first --changed services have a new image tag (at the
// default concurrency and, as the anchor, one job at a time). Wall time is the whole process, median over --runs.
var options = Arguments.Parse(args);
var nomad = await NomadDouble.StartAsync();
var vault = await VaultDouble.StartAsync();
try
{
    foreach (var (path, keys) in VaultReferences(options.Directory))
    {
        vault.Seed("secret", path, keys.ToDictionary(k => k, k => "bench-value-" + k, StringComparer.Ordinal));
    }

    var cli = new CliProcess(options.Cli, options.Directory, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NOMAD_ADDR"] = nomad.BaseAddress.ToString(),
        ["VAULT_ADDR"] = vault.BaseAddress.ToString(),
        ["VAULT_TOKEN"] = VaultDouble.RootToken,
    });
    var services = Directory.GetDirectories(Path.Combine(options.Directory, "services")).Length;
    await Require(cli, "initial deploy", "deploy", "--yes", "--detach");
    nomad.Faults.Inject("/*", Fault.Latency(TimeSpan.FromMilliseconds(options.LatencyMs)), int.MaxValue);

    Console.WriteLine($"{services} services; Nomad double answers after {options.LatencyMs} ms; Vault double without latency; medians of {options.Runs} runs (whole process)");
    var summary = new List<string>();
    var plan = await Measure("plan, nothing changed", () => [], "plan");
    var noChange = await Measure("deploy, nothing changed", () => [], "deploy", "--yes");
    var round = 0;
    string[] Change()
    {
        round++;
        return ChangeImages(options.Directory, options.Changed, round);
    }

    var changed = await Measure($"deploy --detach, {options.Changed} changed (--concurrency 4, default)", Change, "deploy", "--yes", "--detach");
    var sequential = await Measure($"deploy --detach, {options.Changed} changed (--concurrency 1, anchor)", Change, "deploy", "--yes", "--detach", "--concurrency", "1");

    var latency = options.LatencyMs / 1000.0;
    summary.Add($"plan_requests\t{plan.Requests}");
    summary.Add($"plan_seconds\t{Seconds(plan.Wall)}");
    summary.Add($"deploy_nochange_requests\t{noChange.Requests}");
    summary.Add($"deploy_nochange_nomad_requests\t{noChange.NomadRequests}");
    summary.Add($"deploy_nochange_seconds\t{Seconds(noChange.Wall)}");
    summary.Add($"deploy_changed_seconds\t{Seconds(changed.Wall)}");
    summary.Add($"deploy_changed_sequential_seconds\t{Seconds(sequential.Wall)}");
    summary.Add($"deploy_changed_ideal_seconds\t{Seconds(TimeSpan.FromSeconds(Math.Ceiling(options.Changed / 4.0) * latency))}");
    summary.Add($"deploy_changed_serial_seconds\t{Seconds(TimeSpan.FromSeconds(options.Changed * latency))}");
    summary.Add($"services\t{services}");
    Console.WriteLine();
    Console.WriteLine($"{options.Changed} changed jobs: (changed ÷ concurrency) × latency = {Math.Ceiling(options.Changed / 4.0) * options.LatencyMs} ms per request round " +
        $"(each changed job costs a read and a register); changed × latency = {options.Changed * options.LatencyMs} ms.");
    if (options.Summary is not null)
    {
        await File.WriteAllLinesAsync(options.Summary, summary);
    }

    return 0;

    async Task<Figure> Measure(string name, Func<string[]> prepare, params string[] command)
    {
        var walls = new List<TimeSpan>();
        IReadOnlyList<(string Endpoint, int Count)> requests = [];
        for (var run = 0; run < options.Runs; run++)
        {
            prepare();
            var tally = RequestTally.Start(("nomad", nomad.Requests), ("vault", vault.Requests));
            walls.Add(await Require(cli, name, command));
            requests = tally.Stop();
        }

        walls.Sort();
        var median = walls[walls.Count / 2];
        var total = requests.Sum(r => r.Count);
        var nomadTotal = requests.Where(r => r.Endpoint.StartsWith("nomad ", StringComparison.Ordinal)).Sum(r => r.Count);
        Console.WriteLine();
        Console.WriteLine($"{name}: {median.TotalMilliseconds:F0} ms median (min {walls[0].TotalMilliseconds:F0}, max {walls[^1].TotalMilliseconds:F0}); {total} requests ({nomadTotal} to Nomad) in the last run:");
        foreach (var (endpoint, count) in requests)
        {
            Console.WriteLine($"  {count,5}  {endpoint}");
        }

        return new Figure(median, total, nomadTotal);
    }
}
finally
{
    await nomad.DisposeAsync();
    await vault.DisposeAsync();
}

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

static async Task<TimeSpan> Require(CliProcess cli, string name, params string[] command)
{
    var (exitCode, wall, output) = await cli.RunAsync(command);
    if (exitCode != 0)
    {
        throw new InvalidOperationException($"{name}: homelab-manager {string.Join(' ', command)} exited {exitCode}:\n{output}");
    }

    return wall;
}

// Every vault:secret/PATH#KEY of the lab (services and homelab.yaml), as path (without the mount) → keys.
static Dictionary<string, HashSet<string>> VaultReferences(string directory)
{
    var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
    foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
    {
        foreach (Match match in Regex.Matches(File.ReadAllText(file), "vault:secret/([^#\"\\s]+)#([A-Za-z0-9_.-]+)"))
        {
            if (!references.TryGetValue(match.Groups[1].Value, out var keys))
            {
                references[match.Groups[1].Value] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(match.Groups[2].Value);
        }
    }

    return references;
}

// Gives the first `count` services (in name order) a new image tag for this round; returns their names.
static string[] ChangeImages(string directory, int count, int round)
{
    var folders = Directory.GetDirectories(Path.Combine(directory, "services")).Order(StringComparer.Ordinal).Take(count).ToArray();
    foreach (var folder in folders)
    {
        var file = Path.Combine(folder, "service.hcl");
        var text = Regex.Replace(File.ReadAllText(file), "image = \"([^\":]+):([^\"-]+)(-r[0-9]+)?\"", $"image = \"$1:$2-r{round}\"");
        File.WriteAllText(file, text);
    }

    return [.. folders.Select(Path.GetFileName).OfType<string>()];
}

/// <summary>One figure: median wall time and the requests of the last run.</summary>
internal sealed record Figure(TimeSpan Wall, int Requests, int NomadRequests);
