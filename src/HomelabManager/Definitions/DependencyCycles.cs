using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Definitions;

/// <summary>Finds cycles in <c>depends_on</c>; each cycle is reported once, at the first service in it.</summary>
internal static class DependencyCycles
{
    public static void Report(IReadOnlyList<BoundService> services, IReadOnlyDictionary<string, BoundService> byName, DiagnosticBag diagnostics)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var stack = new List<string>();
        foreach (var service in services)
        {
            Visit(service.Definition.Name);
        }

        void Visit(string name)
        {
            if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var service))
            {
                return;
            }

            state[name] = 1;
            stack.Add(name);
            foreach (var (dependency, range) in service.Dependencies)
            {
                if (dependency == name)
                {
                    continue;
                }

                if (state.GetValueOrDefault(dependency) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(dependency)).Append(dependency);
                    diagnostics.Add(DiscoveryDiagnostics.DependencyCycle(service.Path, range, cycle));
                    continue;
                }

                Visit(dependency);
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = 2;
        }
    }
}
