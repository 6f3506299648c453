using System.Text;
using QRCoder;

namespace HomelabManager.Commands.Vpn;

/// <summary>
/// A QR code drawn with Unicode half blocks, two module rows per text line, quiet zone included, as
/// <c>qrencode -t UTF8</c> draws it: light modules are the terminal's foreground (blocks), dark modules its background,
/// which suits the usual light-on-dark terminal. Built from QRCoder's module matrix (no reflection, NativeAOT-safe).
/// </summary>
internal static class TerminalQrCode
{
    /// <summary>The lines of the QR code of <paramref name="text"/> (UTF-8 bytes, error correction level L), each ending in a line break.</summary>
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(text), QRCodeGenerator.ECCLevel.L);
        var matrix = Modules(data);
        var output = new StringBuilder();
        for (var row = 0; row < matrix.Count; row += 2)
        {
            for (var column = 0; column < matrix[row].Length; column++)
            {
                var top = matrix[row][column];
                var bottom = row + 1 < matrix.Count && matrix[row + 1][column];
                output.Append((top, bottom) switch
                {
                    (false, false) => '█',
                    (false, true) => '▀',
                    (true, false) => '▄',
                    (true, true) => ' ',
                });
            }

            output.Append('\n');
        }

        return output.ToString();
    }

    /// <summary>The dark (true) and light modules of the QR code of <paramref name="text"/>, quiet zone included.</summary>
    public static IReadOnlyList<bool[]> Matrix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(text), QRCodeGenerator.ECCLevel.L);
        return Modules(data);
    }

    private static List<bool[]> Modules(QRCodeData data) =>
        [.. data.ModuleMatrix.Select(row =>
        {
            var modules = new bool[row.Length];
            row.CopyTo(modules, 0);
            return modules;
        })];
}
