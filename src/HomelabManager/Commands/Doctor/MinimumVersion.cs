namespace HomelabManager.Commands.Doctor;

/// <summary>The versions the homelab needs (SPEC §1) and a tolerant reader of the versions the APIs report.</summary>
internal static class MinimumVersion
{
    /// <summary>Workload identity for Vault and dynamic host volumes.</summary>
    public static Version Nomad { get; } = new(1, 10, 0);

    public static Version Consul { get; } = new(1, 18, 0);

    public static Version Vault { get; } = new(1, 15, 0);

    /// <summary>
    /// Reads <c>2.0.5</c>, <c>v1.18.2</c>, <c>1.20.0+ent</c>, <c>1.10.0-beta.1</c> (a pre-release counts as its release);
    /// null when there are no numbers.
    /// </summary>
    public static Version? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var core = text.Trim().TrimStart('v', 'V');
        var end = core.IndexOfAny(['-', '+', ' ']);
        if (end >= 0)
        {
            core = core[..end];
        }

        var parts = core.Split('.');
        var numbers = new int[3];
        for (var i = 0; i < Math.Min(parts.Length, 3); i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>A version check: passed when <paramref name="reported"/> is at least <paramref name="minimum"/>.</summary>
    public static DoctorCheck Check(string component, string? reported, Version minimum, string hint)
    {
        var name = $"version ≥ {minimum.Major}.{minimum.Minor}";
        var version = Parse(reported);
        if (version is null)
        {
            return DoctorCheck.Failed(component, name, $"could not read the version (\"{reported}\")", hint);
        }

        return version >= minimum
            ? DoctorCheck.Passed(component, name, $"{component} {reported}")
            : DoctorCheck.Failed(component, name, $"{component} {reported} is older than {minimum.Major}.{minimum.Minor}", hint);
    }
}
