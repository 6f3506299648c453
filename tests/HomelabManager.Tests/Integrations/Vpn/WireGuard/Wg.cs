using System.Diagnostics;
using System.Text.Json;

namespace HomelabManager.Tests.Integrations.Vpn.WireGuard;

/// <summary>A fact skipped (with the reason) when wireguard-tools (<c>wg</c>, <c>wg-quick</c>) is not installed.</summary>
public sealed class RequiresWgFactAttribute : FactAttribute
{
    public RequiresWgFactAttribute()
    {
        if (Wg.Program is null || Wg.Quick is null)
        {
            Skip = "'wg'/'wg-quick' are not installed (CI installs wireguard-tools through .ci/install-packages; locally: apt-get install wireguard-tools)";
        }
    }
}

/// <summary>A fact skipped when <c>../shared</c> (the contract vectors) is absent.</summary>
public sealed class RequiresWireGuardVectorsFactAttribute : FactAttribute
{
    public RequiresWireGuardVectorsFactAttribute()
    {
        if (!Directory.Exists(Wg.Vectors))
        {
            Skip = $"the WireGuard vectors are not there ({Wg.Vectors}); they come with ../shared";
        }
        else if (Wg.Program is null || Wg.Quick is null)
        {
            Skip = "'wg'/'wg-quick' are not installed (apt-get install wireguard-tools)";
        }
    }
}

/// <summary>The real wireguard-tools, run without touching any interface (key commands and <c>wg-quick strip</c> only).</summary>
internal static class Wg
{
    public static string? Program { get; } = LiveProxy.FindProgram("wg");

    public static string? Quick { get; } = LiveProxy.FindProgram("wg-quick");

    /// <summary>The contract's WireGuard vectors.</summary>
    public static string Vectors => Path.Combine(RepositoryPaths.Shared, "contracts", "vectors", "wireguard");

    /// <summary>One key pair of <c>rfc7748-x25519-keys.json</c> (alice, bob).</summary>
    public static (string Private, string PrivateClamped, string Public) VectorKeys(string who)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Vectors, "rfc7748-x25519-keys.json")));
        var keys = document.RootElement.GetProperty(who);
        return (keys.GetProperty("private_base64").GetString()!, keys.GetProperty("private_clamped_base64").GetString()!, keys.GetProperty("public_base64").GetString()!);
    }

    /// <summary><c>wg genkey</c>.</summary>
    public static string GenKey() => Run(Program!, ["genkey"], null).Trim();

    /// <summary><c>echo KEY | wg pubkey</c>.</summary>
    public static string PubKey(string privateKey) => Run(Program!, ["pubkey"], privateKey + "\n").Trim();

    /// <summary><c>wg-quick strip</c> of <paramref name="config"/>, written 0600 as <c>&lt;iface&gt;.conf</c> in a fresh folder.</summary>
    public static string Strip(string config, string interfaceName = "wg0")
    {
        var folder = Path.Combine(Path.GetTempPath(), "hlm-wg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, interfaceName + ".conf");
        try
        {
            File.WriteAllText(file, config);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return Run(Quick!, ["strip", file], null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The lines of a config that are neither comments nor blank (what a parser sees).</summary>
    public static string[] Meaningful(string config) =>
        [.. config.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string Run(string program, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
