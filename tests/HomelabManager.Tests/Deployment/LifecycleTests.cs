using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>
/// The whole life of a homelab through the real CLI entry point against the Nomad, Consul and Vault doubles:
/// deploy → status → logs -f → edit → plan → deploy → remove a folder → plan shows the prune → deploy --prune.
/// </summary>
public sealed class LifecycleTests
{
    private const string Canary = "canary-lifecycle-8f3e-never-print";

    [RequiresNomadSchemaFact]
    public async Task Deploy_status_logs_edit_plan_deploy_and_prune()
    {
        await using var lab = await OperationsLab.StartAsync(new NomadDoubleOptions { DeploymentDuration = TimeSpan.Zero });
        lab.Vault.Seed("secret", "db", new Dictionary<string, string> { ["password"] = Canary });
        lab.Vault.Seed("secret", "files", new Dictionary<string, string> { ["admin_user"] = "admin", ["admin_password"] = Canary });
        var outputs = new List<CliResult>();
        async Task<CliResult> Run(params string[] args)
        {
            var result = await lab.RunAsync(args);
            outputs.Add(result);
            return result;
        }

        var deploy = await Run("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);

        var status = await Run("status");
        Assert.True(status.ExitCode == ExitCodes.Ok, status.Out + status.Error);
        Assert.Contains("https://cloud.lab.example.com", status.Out, StringComparison.Ordinal);
        Assert.Contains("nginx:1.27", status.Out, StringComparison.Ordinal);

        var log = lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db");
        log.Append("ready to accept connections\n");
        using (var cancellation = new CancellationTokenSource())
        {
            var run = new LabRun { Cancellation = cancellation.Token };
            var following = lab.RunAsync(run, "logs", "db", "-f");
            await run.Out.WaitForAsync(text => text.Contains("ready to accept connections\n", StringComparison.Ordinal));
            log.Append("checkpoint complete\n");
            await run.Out.WaitForAsync(text => text.Contains("checkpoint complete\n", StringComparison.Ordinal));
            await cancellation.CancelAsync();
            var logs = await following;
            outputs.Add(logs);
            Assert.Equal(ExitCodes.Ok, logs.ExitCode);
        }

        lab.Homelab.Service("web", OperationsLab.Web.Replace("nginx:1.27", "nginx:1.28", StringComparison.Ordinal));
        var plan = await Run("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Out + plan.Error);
        Assert.Contains("nginx:1.28", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("files", plan.Out, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, (await Run("deploy")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Run("plan", "--detailed-exitcode")).ExitCode);

        Directory.Delete(Path.Combine(lab.Homelab.Directory, "services", "files"), recursive: true);
        var prunePlan = await Run("plan", "--detailed-exitcode");
        Assert.Equal(2, prunePlan.ExitCode);
        Assert.Contains("files", prunePlan.Out, StringComparison.Ordinal);

        var prune = await Run("deploy", "--prune");
        Assert.True(prune.ExitCode == ExitCodes.Ok, prune.Out + prune.Error);
        Assert.Equal(ExitCodes.Ok, (await Run("plan", "--detailed-exitcode")).ExitCode);

        Assert.All(outputs, o => Assert.DoesNotContain(Canary, o.Out + o.Error, StringComparison.Ordinal));
        Assert.All(lab.Nomad.Requests.All, r => Assert.DoesNotContain(Canary, r.Body, StringComparison.Ordinal));
    }
}
