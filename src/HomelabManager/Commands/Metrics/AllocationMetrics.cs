namespace HomelabManager.Commands.Metrics;

/// <summary>Resource use of one running allocation against its reservation.</summary>
/// <param name="Service">Service (job) name.</param>
/// <param name="Allocation">Full allocation ID.</param>
/// <param name="Node">Node the allocation runs on.</param>
/// <param name="Cpu">CPU in MHz.</param>
/// <param name="Memory">Memory in MiB.</param>
/// <param name="Error">Why the figures are missing (e.g. the node did not answer); null when measured.</param>
internal sealed record AllocationMetrics(string Service, string Allocation, string Node, ResourceFigure? Cpu, ResourceFigure? Memory, string? Error);

/// <summary>Used against reserved; <see cref="Percent"/> is null when nothing is reserved.</summary>
/// <param name="Used">Measured use (MHz or MiB).</param>
/// <param name="Reserved">What the job reserves (MHz or MiB).</param>
/// <param name="Percent">Used as a percentage of reserved, one decimal.</param>
internal sealed record ResourceFigure(double Used, double Reserved, double? Percent)
{
    /// <summary>Computes the percentage.</summary>
    public static ResourceFigure Of(double used, double reserved) =>
        new(Round(used), reserved, reserved > 0 ? Round(used * 100 / reserved) : null);

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The <c>metrics --output json</c> document.</summary>
/// <param name="Allocations">Every running allocation of the selected services.</param>
/// <param name="NotRunning">Selected services with no running allocation (not deployed, stopped or failing).</param>
internal sealed record MetricsReport(IReadOnlyList<AllocationMetrics> Allocations, IReadOnlyList<string> NotRunning);
