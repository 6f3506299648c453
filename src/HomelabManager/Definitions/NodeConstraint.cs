namespace HomelabManager.Definitions;

/// <summary>A placement rule on node attributes, e.g. <c>${node.class} = "storage"</c>.</summary>
/// <param name="Attribute">Left side, e.g. <c>${attr.kernel.name}</c> or <c>${meta.zone}</c>.</param>
/// <param name="Operator">Nomad operator, e.g. <c>=</c>, <c>!=</c>, <c>regexp</c>, <c>distinct_hosts</c>.</param>
/// <param name="Value">Right side (empty for operators without one).</param>
internal sealed record NodeConstraint(string Attribute, string Operator, string Value);
