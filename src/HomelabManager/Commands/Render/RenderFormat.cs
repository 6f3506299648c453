namespace HomelabManager.Commands.Render;

/// <summary>What <c>render</c> writes.</summary>
internal enum RenderFormat
{
    /// <summary>The Nomad API JSON that would be submitted (<c>{"Job": …}</c>).</summary>
    Json,

    /// <summary>A readable Nomad jobspec for review.</summary>
    Hcl,
}
