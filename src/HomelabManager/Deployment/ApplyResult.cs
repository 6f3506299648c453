namespace HomelabManager.Deployment;

/// <summary>How one write of a deployment went.</summary>
internal enum ApplyOutcome
{
    /// <summary>Nomad accepted the register (or stop).</summary>
    Applied,

    /// <summary>Nomad refused it or could not be reached; nothing was written for this job.</summary>
    Failed,

    /// <summary>Not attempted (a dependency failed, or the deployment stopped earlier).</summary>
    NotAttempted,
}

/// <summary>The result of registering (or removing) one job.</summary>
/// <param name="Job">The planned job.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why it failed or was skipped; empty when applied.</param>
/// <param name="EvalId">The evaluation Nomad created.</param>
/// <param name="JobModifyIndex">The job's modify index after the write.</param>
internal sealed record ApplyResult(PlannedJob Job, ApplyOutcome Outcome, string Message = "", string EvalId = "", ulong JobModifyIndex = 0);
