using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using HomelabManager.Operations;
using HomelabManager.Secrets;
using Spectre.Console;
using VaultSettings = HomelabManager.Configuration.VaultSettings;

namespace HomelabManager.Commands.Secrets;

/// <summary>
/// <c>secrets set|get|list</c>: the Vault KV entries services reference. Values are read without echo (or
/// from a pipe), printed only by <c>get --reveal</c>, and never traced, logged or put in an error.
/// </summary>
internal static class SecretsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("secrets", "Manage the Vault KV entries services reference (values are never echoed)")
        {
            SetCommand(context),
            GetCommand(context),
            ListCommand(context),
        };
        return command;
    }

    private static Argument<string> PathArgument() => new("PATH") { Description = "Secret path with its KV mount first, e.g. secret/nextcloud" };

    private static Argument<string> KeyArgument() => new("KEY") { Description = "Key inside the secret, e.g. admin_password" };

    private static Command SetCommand(CliContext context)
    {
        var path = PathArgument();
        var key = KeyArgument();
        var command = new Command("set", "Write one key of a secret; the value is prompted for without echo, or read from a pipe (never from the command line)") { path, key };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            if (Parse(parseResult.GetValue(path)!, parseResult.GetValue(key)!, environment) is not { } target)
            {
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var mount = await Mounts(clients.Vault, environment).ResolveAsync(target.Path.Mount, cancellationToken);
            var prompt = environment.Host.InIsTerminal ? ConsoleFactory.Create(environment.Host.Error, noColor: false, isTerminal: true) : environment.ErrorConsole;
            var value = SecretValueInput.Read(prompt, environment.Host.In, environment.Host.InIsTerminal, $"{target.Key} in {target.Path}");
            var existing = await clients.Vault.ReadSecretAsync(mount, target.Path.InMount, cancellationToken: cancellationToken);
            var values = new Dictionary<string, string>(existing?.Values?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [target.Key] = value,
            };

            // KV v2: check-and-set against the version just read, so a concurrent change is never overwritten.
            long? cas = mount.Version == 2 ? existing?.Metadata?.Version ?? 0 : null;
            var written = await clients.Vault.WriteSecretAsync(mount, target.Path.InMount, values, cas, cancellationToken);
            var report = new SecretReport(target.Path.ToString(), target.Key, mount.Version, written?.Version, null);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
            }
            else
            {
                var version = written is null ? string.Empty : $" (version {written.Version})";
                environment.Console.MarkupLine($"[green]✓[/] set {Markup.Escape(target.Key)} in {Markup.Escape(target.Path.ToString())}{version}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command GetCommand(CliContext context)
    {
        var path = PathArgument();
        var key = KeyArgument();
        var reveal = new Option<bool>("--reveal") { Description = "Print the value (without it, only whether the key exists and its version)" };
        var command = new Command("get", "Show whether a key exists; print its value only with --reveal") { path, key, reveal };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            if (Parse(parseResult.GetValue(path)!, parseResult.GetValue(key)!, environment) is not { } target)
            {
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var mount = await Mounts(clients.Vault, environment).ResolveAsync(target.Path.Mount, cancellationToken);
            var secret = await clients.Vault.ReadSecretAsync(mount, target.Path.InMount, cancellationToken: cancellationToken)
                ?? throw new SecretUsageException($"{target.Path} does not exist; create it with: homelab-manager secrets set {target.Path} {target.Key}");
            if (secret.Values is null)
            {
                throw new SecretUsageException($"the latest version ({secret.Metadata?.Version}) of {target.Path} is deleted; write a new one with: homelab-manager secrets set {target.Path} {target.Key}");
            }

            var value = secret.Values[target.Key]
                ?? throw new SecretUsageException($"{target.Path} has no key '{target.Key}' (keys: {string.Join(", ", secret.Values.Keys.Order(StringComparer.Ordinal))})");
            var revealed = parseResult.GetValue(reveal);
            var version = secret.Metadata?.Version;
            if (environment.Output == OutputFormat.Json)
            {
                var report = new SecretReport(target.Path.ToString(), target.Key, mount.Version, version, revealed ? value : null);
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
            }
            else if (revealed)
            {
                environment.RawOut.WriteLine(value);
            }
            else
            {
                var at = version is null ? string.Empty : $" (version {version})";
                environment.Console.MarkupLine($"[green]✓[/] {Markup.Escape(target.Key)} exists in {Markup.Escape(target.Path.ToString())}{at}; add --reveal to print its value");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "A secret or folder (e.g. secret/nextcloud, secret/); without it: every vault: reference of the homelab and whether it exists (exit 1 when any is missing)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("list", "List the keys of a secret (never values), or every secret the homelab references") { path };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var text = parseResult.GetValue(path);
            if (text is null)
            {
                return await SecretReferenceList.RunAsync(context, parseResult, environment, cancellationToken);
            }

            if (!SecretPath.TryParseFolder(text, out var target, out var error))
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var mount = await Mounts(clients.Vault, environment).ResolveAsync(target.Mount, cancellationToken);
            var secret = target.InMount.Length == 0 ? null : await clients.Vault.ReadSecretAsync(mount, target.InMount, cancellationToken: cancellationToken);
            var children = await clients.Vault.ListSecretsAsync(mount, target.InMount, cancellationToken);
            var keys = secret?.Values?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
            if (secret is null && children.Count == 0)
            {
                throw new SecretUsageException($"nothing is stored at {target}");
            }

            var report = new SecretListReport(target.ToString(), keys, children, secret?.Metadata?.Version, null);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
                return ExitCodes.Ok;
            }

            if (secret is not null)
            {
                var state = secret.IsDeleted ? " [yellow](latest version deleted)[/]" : string.Empty;
                var at = report.Version is null ? string.Empty : $" (version {report.Version})";
                environment.Console.MarkupLine($"[bold]{Markup.Escape(target.ToString())}[/]{at}{state}");
                foreach (var name in keys)
                {
                    environment.Console.MarkupLine($"  {Markup.Escape(name)}");
                }
            }

            if (children.Count > 0)
            {
                var folder = target.InMount.Length == 0 ? target.ToString() : target + "/";
                environment.Console.MarkupLine($"[bold]{Markup.Escape(folder)}[/]");
                foreach (var child in children)
                {
                    environment.Console.MarkupLine($"  {Markup.Escape(child)}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The KV mounts of this run; homelab.yaml's Vault settings (when the folder has one) help tokens that cannot read sys/mounts.</summary>
    internal static KvMounts Mounts(IVaultClient vault, CommandEnvironment environment, VaultSettings? configured = null) =>
        new(vault, () => configured ?? ConfiguredVault(environment), message => environment.ErrorConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}"));

    private static VaultSettings? ConfiguredVault(CommandEnvironment environment)
    {
        if (!File.Exists(Path.Combine(environment.Directory, "homelab.yaml")))
        {
            return null;
        }

        var homelab = HomelabInput.Load(environment, reportWhenValid: false);
        return homelab.Configuration?.Homelab.Vault;
    }

    private static (SecretPath Path, string Key)? Parse(string path, string key, CommandEnvironment environment)
    {
        if (!SecretPath.TryParseSecret(path, out var parsed, out var error))
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
            return null;
        }

        if (key.Length == 0 || key.Any(char.IsControl))
        {
            environment.ErrorConsole.MarkupLine("[red]error:[/] the key must be non-empty, without control characters");
            return null;
        }

        return (parsed, key);
    }
}
