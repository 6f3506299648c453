namespace HomelabManager.Hcl.Schema;

/// <summary>An argument a body accepts.</summary>
/// <param name="Name">The argument name.</param>
/// <param name="Required">True when the body must set it.</param>
public sealed record AttributeSchema(string Name, bool Required = false);
