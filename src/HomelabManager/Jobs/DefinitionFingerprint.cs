using System.Security.Cryptography;
using System.Text.Json;
using HomelabManager.Definitions;

namespace HomelabManager.Jobs;

/// <summary>
/// The stable hash of a service definition stored in job Meta (<c>homelab-manager-hash</c>): SHA-256 over a
/// canonical JSON form of the normalised model, so key order, whitespace and comments in the source file
/// never change it. <see cref="ServiceDefinition.Description"/> and <see cref="ServiceDefinition.SourcePath"/>
/// are left out: they do not change the job.
/// </summary>
internal static class DefinitionFingerprint
{
    /// <summary>Bump when the canonical form changes, so old and new hashes never collide.</summary>
    private const string FormatVersion = "homelab-manager/service-definition/v1";

    /// <summary>64 lower-case hex characters.</summary>
    public static string Compute(ServiceDefinition service) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(service)));

    /// <summary>The canonical UTF-8 JSON the hash is computed from (exposed for tests and debugging).</summary>
    public static byte[] CanonicalBytes(ServiceDefinition service)
    {
        var normalized = ServiceDefinitionNormalizer.Normalize(service);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, normalized);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter json, ServiceDefinition service)
    {
        json.WriteStartObject();
        json.WriteString("format", FormatVersion);
        json.WriteString("name", service.Name);

        var container = service.Container;
        json.WriteStartObject("container");
        json.WriteString("image", container.Image);
        json.WriteStartArray("ports");
        foreach (var port in container.Ports)
        {
            json.WriteStartObject();
            json.WriteNumber("internal", port.Internal);
            WriteNullableNumber(json, "external", port.External);
            json.WriteString("protocol", port.Protocol == PortProtocol.Udp ? "udp" : "tcp");
            json.WriteString("name", port.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("command", container.Command);
        WriteStrings(json, "args", container.Args);
        json.WriteString("user", container.User);
        json.WriteBoolean("privileged", container.Privileged);
        WriteStrings(json, "cap_add", container.CapAdd);
        json.WriteEndObject();

        json.WriteStartObject("resources");
        json.WriteNumber("cpu", service.Resources.Cpu);
        json.WriteNumber("memory", service.Resources.MemoryMB);
        json.WriteEndObject();

        json.WriteStartArray("volumes");
        foreach (var volume in service.Volumes)
        {
            json.WriteStartObject();
            json.WriteString("name", volume.Name);
            json.WriteString("path", volume.Path);
            json.WriteBoolean("read_only", volume.ReadOnly);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("env");
        foreach (var variable in service.Env)
        {
            json.WriteStartObject();
            json.WriteString("name", variable.Name);
            switch (variable.Value)
            {
                case LiteralEnvValue literal:
                    json.WriteString("literal", literal.Value);
                    break;
                case VaultEnvValue vault:
                    json.WriteString("vault", vault.Reference.ToString());
                    break;
                default:
                    throw new InvalidOperationException($"unknown env value kind {variable.Value.GetType().Name}");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteBoolean("public_access", service.PublicAccess);
        json.WriteString("subdomain", service.Subdomain);
        json.WriteBoolean("auth", service.Auth);
        json.WriteString("health_path", service.Health.Path);
        json.WriteNumber("count", service.Count);
        WriteStrings(json, "depends_on", service.DependsOn);

        json.WriteStartArray("constraints");
        foreach (var constraint in service.Constraints)
        {
            json.WriteStartObject();
            json.WriteString("attribute", constraint.Attribute);
            json.WriteString("operator", constraint.Operator);
            json.WriteString("value", constraint.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
