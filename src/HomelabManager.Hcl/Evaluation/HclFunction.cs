namespace HomelabManager.Hcl.Evaluation;

/// <summary>A function callable from expressions. Report failures by throwing <see cref="HclFunctionException"/>.</summary>
public delegate HclValue HclFunction(IReadOnlyList<HclValue> arguments);
