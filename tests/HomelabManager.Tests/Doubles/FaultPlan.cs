namespace HomelabManager.Tests.Doubles;

/// <summary>
/// Faults to inject, per route and count. A route is an exact path (<c>/v1/jobs</c>) or a prefix ending
/// in <c>*</c> (<c>/v1/job/*</c>); <c>method</c> null matches any method. The first matching rule with
/// remaining uses wins.
/// </summary>
internal sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];

    /// <summary>Injects <paramref name="fault"/> on the next <paramref name="count"/> matching requests.</summary>
    public FaultPlan Inject(string route, Fault fault, int count = 1, string? method = null)
    {
        lock (_lock)
        {
            _rules.Add(new Rule(route, method, fault) { Remaining = count });
        }

        return this;
    }

    /// <summary>Drops every rule, used up or not (the faults are "fixed").</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Injected faults not yet used up.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _rules.Sum(r => r.Remaining);
            }
        }
    }

    internal Fault? Take(string method, string path)
    {
        lock (_lock)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining > 0 && rule.Matches(method, path))
                {
                    rule.Remaining--;
                    return rule.Fault;
                }
            }
        }

        return null;
    }

    private sealed record Rule(string Route, string? Method, Fault Fault)
    {
        public int Remaining { get; set; }

        public bool Matches(string method, string path) =>
            (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (Route.EndsWith('*')
                ? path.StartsWith(Route[..^1], StringComparison.Ordinal)
                : string.Equals(Route, path, StringComparison.Ordinal));
    }
}
