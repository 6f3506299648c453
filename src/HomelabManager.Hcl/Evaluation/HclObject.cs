namespace HomelabManager.Hcl.Evaluation;

/// <summary>An object value whose members keep their insertion order; a repeated key replaces the earlier value in place.</summary>
public sealed class HclObject : HclValue
{
    private readonly List<KeyValuePair<string, HclValue>> _members = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates an object from members (the last of equal keys wins).</summary>
    public HclObject(IEnumerable<KeyValuePair<string, HclValue>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            if (_index.TryGetValue(member.Key, out var at))
            {
                _members[at] = member;
            }
            else
            {
                _index[member.Key] = _members.Count;
                _members.Add(member);
            }
        }
    }

    /// <summary>The empty object.</summary>
    public static HclObject Empty { get; } = new([]);

    /// <summary>The members in order.</summary>
    public IReadOnlyList<KeyValuePair<string, HclValue>> Members => _members;

    /// <inheritdoc />
    public override string TypeName => "object";

    /// <summary>Looks a member up by name.</summary>
    public bool TryGetValue(string key, out HclValue value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _members[at].Value;
            return true;
        }

        value = HclNull.Instance;
        return false;
    }
}
