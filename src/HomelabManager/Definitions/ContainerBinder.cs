using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>Binds the <c>container</c> block: image, ports and how the container starts.</summary>
internal static class ContainerBinder
{
    public static (ContainerSpec? Container, List<(ContainerPort Port, SourceRange Range)> Ports) Bind(BlockSyntax block, AttributeReader reader)
    {
        var content = SchemaChecker.Check(block.Body, ServiceSchema.Container, reader.Path, block.TypeRange, "in a container block", reader.Diagnostics);
        var imageAttribute = content.Attribute("image");
        var image = reader.String(imageAttribute);
        if (image is not null && imageAttribute is not null)
        {
            if (!ImageReference.IsValid(image))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.InvalidImage(reader.Path, imageAttribute.Expression.Range, image));
                image = null;
            }
            else if (ImageReference.IsUnpinned(image))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.UnpinnedImage(reader.Path, imageAttribute.Expression.Range, image));
            }
        }

        var portsAttribute = content.Attribute("ports");
        var ports = portsAttribute is null ? [] : PortListBinder.Bind(portsAttribute, reader);
        var capabilities = reader.StringList(content.Attribute("cap_add")) ?? [];
        foreach (var (capability, range) in capabilities)
        {
            if (!NamingRules.IsCapability(capability))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.InvalidCapability(reader.Path, range, capability));
            }
        }

        if (image is null)
        {
            return (null, ports);
        }

        var container = new ContainerSpec
        {
            Image = image,
            Ports = [.. ports.Select(p => p.Port)],
            Command = reader.String(content.Attribute("command")),
            Args = [.. (reader.StringList(content.Attribute("args")) ?? []).Select(a => a.Value)],
            User = reader.String(content.Attribute("user")),
            Privileged = reader.Bool(content.Attribute("privileged")) ?? false,
            CapAdd = [.. capabilities.Select(c => c.Value.ToUpperInvariant())],
        };
        return (container, ports);
    }
}
