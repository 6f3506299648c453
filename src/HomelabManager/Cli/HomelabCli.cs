using System.CommandLine;
using HomelabManager.Commands.Configure;
using HomelabManager.Commands.Deploy;
using HomelabManager.Commands.Doctor;
using HomelabManager.Commands.Hcl;
using HomelabManager.Commands.Init;
using HomelabManager.Commands.Logs;
using HomelabManager.Commands.Metrics;
using HomelabManager.Commands.Node;
using HomelabManager.Commands.Plan;
using HomelabManager.Commands.Remove;
using HomelabManager.Commands.Render;
using HomelabManager.Commands.Secrets;
using HomelabManager.Commands.Status;
using HomelabManager.Commands.Update;
using HomelabManager.Commands.Validate;
using HomelabManager.Commands.Vpn;

namespace HomelabManager.Cli;

/// <summary>The command tree and its entry point.</summary>
internal static class HomelabCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var root = CreateRootCommand(host);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Error.WriteLineAsync($"error: {error.Message}");
            }

            await host.Error.WriteLineAsync("Run 'homelab-manager --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand CreateRootCommand(CliHost host)
    {
        var options = new GlobalOptions();
        var cluster = new ClusterOptions();
        var context = new CliContext(host, options, cluster);
        var root = new RootCommand(
            "homelab-manager: run a homelab on Nomad, Consul and Vault from a folder of small service definitions.");
        options.AddTo(root);
        cluster.AddTo(root);
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(host);
        }

        root.Add(InitCommand.Create(context));
        root.Add(ConfigureCommand.Create(context));
        root.Add(ValidateCommand.Create(context));
        root.Add(RenderCommand.Create(context));
        root.Add(HclCommand.Create(context));
        root.Add(LogsCommand.Create(context));
        root.Add(StatusCommand.Create(context));
        root.Add(MetricsCommand.Create(context));
        root.Add(SecretsCommand.Create(context));
        root.Add(DoctorCommand.Create(context));
        root.Add(PlanCommand.Create(context));
        root.Add(DeployCommand.Create(context));
        root.Add(UpdateCommand.Create(context));
        root.Add(RemoveCommand.Create(context));
        root.Add(NodeCommand.Create(context));
        root.Add(VpnCommand.Create(context));
        return root;
    }
}
