namespace HomelabManager.Commands.Init;

/// <summary>One file of the starter homelab: where it goes and which embedded resource holds it.</summary>
/// <param name="RelativePath">Path inside the new homelab folder.</param>
/// <param name="Resource">Logical name of the embedded resource.</param>
/// <param name="Secret">Written with mode 0600 (homelab.yaml may hold tokens).</param>
internal sealed record ScaffoldFile(string RelativePath, string Resource, bool Secret = false)
{
    /// <summary>The starter homelab.</summary>
    public static IReadOnlyList<ScaffoldFile> All { get; } =
    [
        new("homelab.yaml", "Scaffold.homelab.yaml", Secret: true),
        new(".env.example", "Scaffold.env.example"),
        new(".gitignore", "Scaffold.gitignore"),
        new(Path.Combine("services", "whoami", "service.hcl"), "Scaffold.whoami.service.hcl"),
    ];

    /// <summary>The file's text.</summary>
    public string Read()
    {
        using var stream = typeof(ScaffoldFile).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The build lacks the embedded file {Resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
