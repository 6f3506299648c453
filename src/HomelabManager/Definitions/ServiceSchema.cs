using HomelabManager.Hcl.Schema;

namespace HomelabManager.Definitions;

/// <summary>The schema of <c>service.hcl</c> (SPEC §4): what each block accepts.</summary>
public static class ServiceSchema
{
    /// <summary>The <c>container</c> block.</summary>
    public static BodySchema Container { get; } = new(
        [
            new("image", Required: true),
            new("ports"),
            new("command"),
            new("args"),
            new("user"),
            new("privileged"),
            new("cap_add"),
        ],
        []);

    /// <summary>The <c>resources</c> block (cpu in MHz, memory in MiB).</summary>
    public static BodySchema Resources { get; } = new([new("cpu"), new("memory")], []);

    /// <summary>A <c>volume</c> block.</summary>
    public static BodySchema Volume { get; } = new([new("name", Required: true), new("path", Required: true), new("read_only")], []);

    /// <summary>The <c>health</c> block.</summary>
    public static BodySchema Health { get; } = new([new("path"), new("interval"), new("timeout")], []);

    /// <summary>A <c>constraint</c> block (node placement).</summary>
    public static BodySchema Constraint { get; } = new([new("attribute", Required: true), new("operator"), new("value")], []);

    /// <summary>The body of the <c>service</c> block.</summary>
    public static BodySchema Service { get; } = new(
        [
            new("name", Required: true),
            new("description"),
            new("public_access"),
            new("subdomain"),
            new("auth"),
            new("count"),
            new("depends_on"),
        ],
        [
            new("container", Container, Required: true),
            new("resources", Resources),
            new("volume", Volume, Repeatable: true),
            new("env", BodySchema.Map),
            new("health", Health),
            new("constraint", Constraint, Repeatable: true),
        ]);

    /// <summary>The file: exactly one <c>service</c> block.</summary>
    public static BodySchema File { get; } = new([], [new("service", Service, Required: true)]);

    /// <summary>The keys a port object accepts.</summary>
    public static IReadOnlyList<string> PortKeys { get; } = ["internal", "external", "protocol", "name"];
}
