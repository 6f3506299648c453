namespace HomelabManager.Deployment;

/// <summary>What a deployment does with one job.</summary>
internal enum PlanAction
{
    /// <summary>No job with this ID exists: register it.</summary>
    Create,

    /// <summary>Our job exists but its hash differs from the homelab's (or it is stopped, or adopted, or forced): register it.</summary>
    Update,

    /// <summary>Our job exists with the homelab's hash: nothing to write.</summary>
    Unchanged,

    /// <summary>Our job exists but its service is gone: stop and purge it (only with <c>--prune</c>).</summary>
    Remove,

    /// <summary>Our job was changed outside homelab-manager: refused unless <c>--force</c>.</summary>
    Drift,

    /// <summary>A job with this ID exists that homelab-manager did not create: refused unless <c>--adopt</c>.</summary>
    Conflict,
}
