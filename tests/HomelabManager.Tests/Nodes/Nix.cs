using System.Diagnostics;
using System.Text.Json;
using HomelabManager.Tests.Integrations;

namespace HomelabManager.Tests.Nodes;

/// <summary>A fact skipped (with the reason) when Nix's <c>nix-instantiate</c> is not installed.</summary>
public sealed class RequiresNixFactAttribute : FactAttribute
{
    public RequiresNixFactAttribute()
    {
        if (Nix.Instantiate is null)
        {
            Skip = "'nix-instantiate' is not installed (CI installs nix-bin through .ci/install-packages; locally: apt-get install nix-bin)";
        }
    }
}

/// <summary>Runs the real Nix evaluator unprivileged: its state, logs and home in a temporary folder, the store read-only.</summary>
internal static class Nix
{
    public static string? Instantiate { get; } = LiveProxy.FindProgram("nix-instantiate");

    /// <summary><c>nix-instantiate --parse FILE</c>; throws with Nix's message when the file does not parse.</summary>
    public static void Parse(string file) => Run("--parse", file);

    /// <summary>Evaluates the module file with stub arguments and returns the resulting attribute set as JSON.</summary>
    public static JsonElement EvaluateModule(string file) =>
        Evaluate($"(import {file}) {{ config = {{}}; lib = {{}}; pkgs = {{}}; }}");

    /// <summary>Writes <paramref name="module"/> to a temporary file, checks it parses, and evaluates it.</summary>
    public static JsonElement EvaluateModuleText(string module)
    {
        var file = Path.Combine(Path.GetTempPath(), "hlm-nix-" + Guid.NewGuid().ToString("N") + ".nix");
        File.WriteAllText(file, module);
        try
        {
            Parse(file);
            return EvaluateModule(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary><c>nix-instantiate --eval --strict --json --expr EXPRESSION</c>.</summary>
    public static JsonElement Evaluate(string expression)
    {
        using var document = JsonDocument.Parse(Run("--readonly-mode", "--eval", "--strict", "--json", "--expr", expression));
        return document.RootElement.Clone();
    }

    private static string Run(params string[] arguments)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "hlm-nix-state");
        Directory.CreateDirectory(scratch);
        var start = new ProcessStartInfo(Instantiate ?? throw new InvalidOperationException("nix-instantiate is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scratch,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = scratch;
        start.Environment["NIX_STATE_DIR"] = Path.Combine(scratch, "state");
        start.Environment["NIX_LOG_DIR"] = Path.Combine(scratch, "log");
        start.Environment["NIX_CONF_DIR"] = Path.Combine(scratch, "conf");
        start.Environment["NIX_CONFIG"] = "build-users-group =";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nix-instantiate {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stderr.Result}");
        }

        return stdout;
    }
}
