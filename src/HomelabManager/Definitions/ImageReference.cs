using System.Text.RegularExpressions;

namespace HomelabManager.Definitions;

/// <summary>The syntax of a container image reference (Docker's distribution/reference grammar).</summary>
internal static partial class ImageReference
{
    /// <summary>True when <paramref name="image"/> is a well-formed reference.</summary>
    public static bool IsValid(string image) => image.Length <= 512 && Reference().IsMatch(image);

    /// <summary>True when the reference follows a moving tag: no tag, or <c>:latest</c>, and no digest.</summary>
    public static bool IsUnpinned(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon <= slash || image[(colon + 1)..] == "latest";
    }

    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[0-9a-fA-F:]+\](?::[0-9]+)?)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
