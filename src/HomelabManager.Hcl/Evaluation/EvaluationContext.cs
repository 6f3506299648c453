namespace HomelabManager.Hcl.Evaluation;

/// <summary>
/// Variables and functions visible to an expression. Empty by default; child contexts (used for
/// <c>for</c> variables) see their parent's names.
/// </summary>
public sealed class EvaluationContext
{
    /// <summary>Creates an empty root context.</summary>
    public EvaluationContext()
    {
    }

    private EvaluationContext(EvaluationContext parent) => Parent = parent;

    /// <summary>The enclosing context, if any.</summary>
    public EvaluationContext? Parent { get; }

    /// <summary>Variables defined at this level.</summary>
    public IDictionary<string, HclValue> Variables { get; } = new Dictionary<string, HclValue>(StringComparer.Ordinal);

    /// <summary>Functions defined at this level.</summary>
    public IDictionary<string, HclFunction> Functions { get; } = new Dictionary<string, HclFunction>(StringComparer.Ordinal);

    /// <summary>A new context nested in this one.</summary>
    public EvaluationContext CreateChild() => new(this);

    /// <summary>Looks a variable up here and in the parents.</summary>
    public bool TryGetVariable(string name, out HclValue value)
    {
        for (var context = this; context is not null; context = context.Parent)
        {
            if (context.Variables.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }
        }

        value = HclNull.Instance;
        return false;
    }

    /// <summary>Looks a function up here and in the parents.</summary>
    public bool TryGetFunction(string name, out HclFunction function)
    {
        for (var context = this; context is not null; context = context.Parent)
        {
            if (context.Functions.TryGetValue(name, out var found))
            {
                function = found;
                return true;
            }
        }

        function = null!;
        return false;
    }

    /// <summary>True when any level defines a variable.</summary>
    public bool HasVariables
    {
        get
        {
            for (var context = this; context is not null; context = context.Parent)
            {
                if (context.Variables.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>True when any level defines a function.</summary>
    public bool HasFunctions
    {
        get
        {
            for (var context = this; context is not null; context = context.Parent)
            {
                if (context.Functions.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
