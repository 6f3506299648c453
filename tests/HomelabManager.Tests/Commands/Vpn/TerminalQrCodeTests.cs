using System.Diagnostics;
using System.Text;
using HomelabManager.Commands.Vpn;
using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Tests.Integrations;

namespace HomelabManager.Tests.Commands.Vpn;

/// <summary>A fact skipped (with the reason) when zbar's <c>zbarimg</c> (a QR decoder) is not installed.</summary>
public sealed class RequiresZbarFactAttribute : FactAttribute
{
    public RequiresZbarFactAttribute()
    {
        if (LiveProxy.FindProgram("zbarimg") is null)
        {
            Skip = "'zbarimg' is not installed (CI installs zbar-tools through .ci/install-packages; locally: apt-get install zbar-tools)";
        }
    }
}

public class TerminalQrCodeTests
{
    private static readonly string Config = "[Interface]\nPrivateKey = " + WireGuardKeys.Generate().PrivateKey +
        "\nAddress = 10.8.0.3/32, fd08::3/128\nDNS = 10.8.0.1\n\n[Peer]\nPublicKey = hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=\n" +
        "AllowedIPs = 10.8.0.0/24, fd08::/64\nEndpoint = vpn.lab.example.com:51820\nPersistentKeepalive = 25\n";

    /// <summary>The modules the half blocks show (dark = background, light = block), read back from the text.</summary>
    private static List<bool[]> ReadBack(string drawn)
    {
        var rows = new List<bool[]>();
        foreach (var line in drawn.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            rows.Add([.. line.Select(c => c is ' ' or '▄')]);
            rows.Add([.. line.Select(c => c is ' ' or '▀')]);
        }

        return rows;
    }

    [Fact]
    public void Half_blocks_draw_exactly_the_module_matrix_with_its_quiet_zone()
    {
        var matrix = TerminalQrCode.Matrix(Config);
        var drawn = TerminalQrCode.Render(Config);
        var lines = drawn.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal((matrix.Count + 1) / 2, lines.Length);
        Assert.All(lines, l => Assert.Equal(matrix.Count, l.Length));
        Assert.All(drawn.Replace("\n", string.Empty, StringComparison.Ordinal), c => Assert.Contains(c, " ▀▄█"));
        Assert.Equal(new string('█', matrix.Count), lines[0]); // the quiet zone is light
        var readBack = ReadBack(drawn);
        for (var row = 0; row < matrix.Count; row++)
        {
            Assert.Equal(matrix[row], readBack[row]);
        }
    }

    [RequiresZbarFact]
    public void The_QR_code_decodes_to_the_config()
    {
        var file = Path.Combine(Path.GetTempPath(), "hlm-qr-" + Guid.NewGuid().ToString("N") + ".pbm");
        try
        {
            // The drawn text read back into modules, 4 pixels a module, as a plain PBM (1 = black).
            var modules = ReadBack(TerminalQrCode.Render(Config)).Take(TerminalQrCode.Matrix(Config).Count).ToList();
            const int Scale = 4;
            var image = new StringBuilder().Append("P1\n").Append(modules.Count * Scale).Append(' ').Append(modules.Count * Scale).Append('\n');
            foreach (var row in modules)
            {
                var line = string.Join(' ', row.SelectMany(dark => Enumerable.Repeat(dark ? "1" : "0", Scale)));
                for (var i = 0; i < Scale; i++)
                {
                    image.Append(line).Append('\n');
                }
            }

            File.WriteAllText(file, image.ToString());
            var start = new ProcessStartInfo(LiveProxy.FindProgram("zbarimg")!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--raw", "-q", "-Sbinary", file })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var decoded = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, stderr.Result);
            Assert.Equal(Config, decoded.EndsWith("\n\n", StringComparison.Ordinal) ? decoded[..^1] : decoded);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
