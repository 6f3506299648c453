using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>Binds <c>ports = [{ internal = 80, external = 8080, protocol = "tcp" }, …]</c>.</summary>
internal static class PortListBinder
{
    public static List<(ContainerPort Port, SourceRange Range)> Bind(AttributeSyntax attribute, AttributeReader reader)
    {
        var ports = new List<(ContainerPort, SourceRange)>();
        if (attribute.Expression is not TupleExpression tuple)
        {
            if (reader.Evaluate(attribute.Expression, "ports") is not null)
            {
                reader.Diagnostics.Add(ServiceDiagnostics.WrongType(reader.Path, attribute.Expression.Range, "ports", "a list of port objects, e.g. [{ internal = 80, external = 8080 }]"));
            }

            return ports;
        }

        var seen = new HashSet<(int, PortProtocol)>();
        var hostPorts = new Dictionary<(int, PortProtocol), ContainerPort>();
        foreach (var element in tuple.Elements)
        {
            var port = BindOne(element, reader);
            if (port is null)
            {
                continue;
            }

            if (!seen.Add((port.Internal, port.Protocol)))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.DuplicatePort(reader.Path, element.Range, port.Internal, Text(port.Protocol)));
                continue;
            }

            if (port.External is { } external)
            {
                if (hostPorts.TryGetValue((external, port.Protocol), out var other)
                    || (hostPorts.TryGetValue((external, Other(port.Protocol)), out other) && other.Internal != port.Internal))
                {
                    reader.Diagnostics.Add(ServiceDiagnostics.HostPortTwice(reader.Path, element.Range, external, other.Internal));
                    continue;
                }

                hostPorts.Add((external, port.Protocol), port);
            }

            ports.Add((port, element.Range));
        }

        return ports;
    }

    private static PortProtocol Other(PortProtocol protocol) => protocol == PortProtocol.Tcp ? PortProtocol.Udp : PortProtocol.Tcp;

    public static string Text(PortProtocol protocol) => protocol == PortProtocol.Udp ? "udp" : "tcp";

    private static ContainerPort? BindOne(ExpressionSyntax element, AttributeReader reader)
    {
        if (element is not ObjectExpression obj)
        {
            reader.Diagnostics.Add(ServiceDiagnostics.WrongType(reader.Path, element.Range, "ports element", "an object such as { internal = 80, external = 8080 }"));
            return null;
        }

        int? internalPort = null;
        int? externalPort = null;
        var protocol = PortProtocol.Tcp;
        string? name = null;
        var valid = true;
        foreach (var item in obj.Items)
        {
            var key = item.KeyName;
            switch (key)
            {
                case "internal":
                    internalPort = reader.Integer(item.Value, "internal", 1, 65535);
                    valid &= internalPort is not null;
                    break;
                case "external":
                    externalPort = reader.Integer(item.Value, "external", 1, 65535);
                    valid &= externalPort is not null;
                    break;
                case "protocol":
                    var text = reader.String(item.Value, "protocol");
                    if (text is "tcp" or "udp")
                    {
                        protocol = text == "udp" ? PortProtocol.Udp : PortProtocol.Tcp;
                    }
                    else if (text is not null)
                    {
                        reader.Diagnostics.Add(ServiceDiagnostics.InvalidProtocol(reader.Path, item.Value.Range, text));
                        valid = false;
                    }

                    break;
                case "name":
                    name = reader.String(item.Value, "name");
                    if (name is not null && !NamingRules.IsPortLabel(name))
                    {
                        reader.Diagnostics.Add(ServiceDiagnostics.InvalidPortName(reader.Path, item.Value.Range, name));
                        valid = false;
                    }

                    break;
                default:
                    reader.Diagnostics.Add(ServiceDiagnostics.UnsupportedPortKey(
                        reader.Path,
                        item.Key.Range,
                        key ?? "(expression)",
                        key is null ? string.Empty : Suggestions.DidYouMean(key, ServiceSchema.PortKeys)));
                    valid = false;
                    break;
            }
        }

        if (internalPort is null)
        {
            if (valid)
            {
                reader.Diagnostics.Add(ServiceDiagnostics.MissingPortKey(reader.Path, element.Range));
            }

            return null;
        }

        return valid ? new ContainerPort(internalPort.Value, externalPort, protocol, name) : null;
    }
}
