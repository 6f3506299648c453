namespace HomelabManager.Definitions;

/// <summary>A persistent volume mounted into the container.</summary>
/// <param name="Name">Name of the Nomad dynamic host volume (created when missing).</param>
/// <param name="Path">Absolute mount path inside the container.</param>
/// <param name="ReadOnly">Mount read-only.</param>
internal sealed record ServiceVolume(string Name, string Path, bool ReadOnly = false);
