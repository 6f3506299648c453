using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>
/// Turns one parsed <c>service.hcl</c> into a <see cref="ServiceDefinition"/>, checking the schema
/// and every value. All problems are collected; a definition is returned only when it has no error.
/// </summary>
internal static class ServiceBinder
{
    /// <summary>Parses and binds a file's text.</summary>
    public static BoundService? Bind(SourceText source, string folderName, DiagnosticBag diagnostics)
    {
        var parse = HclParser.ParseFile(source);
        diagnostics.AddRange(parse.Diagnostics);
        if (parse.HasErrors)
        {
            return null;
        }

        var before = diagnostics.Count(d => d.IsError);
        var file = SchemaChecker.Check(parse.Body, ServiceSchema.File, source.Path, SourceRange.At(SourcePosition.Start), "at the top of service.hcl", diagnostics);
        var blocks = file.BlocksOfType("service").ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        foreach (var extra in parse.Body.Blocks.Where(b => b.Type == "service").Skip(1))
        {
            diagnostics.Add(ServiceDiagnostics.OneServiceBlock(source.Path, extra.TypeRange, blocks[0].TypeRange.Start));
        }

        var bound = BindService(blocks[0], source.Path, folderName, diagnostics);
        return diagnostics.Count(d => d.IsError) > before ? null : bound;
    }

    private static BoundService? BindService(BlockSyntax block, string path, string folderName, DiagnosticBag diagnostics)
    {
        var reader = new AttributeReader(path, diagnostics);
        var content = SchemaChecker.Check(block.Body, ServiceSchema.Service, path, block.TypeRange, "in a service block", diagnostics);

        var nameAttribute = content.Attribute("name");
        var name = reader.String(nameAttribute);
        if (name is not null && nameAttribute is not null)
        {
            if (!NamingRules.IsDnsLabel(name))
            {
                diagnostics.Add(ServiceDiagnostics.InvalidName(path, nameAttribute.Expression.Range, "service name", name));
                name = null;
            }
            else if (name != folderName)
            {
                diagnostics.Add(ServiceDiagnostics.FolderNameMismatch(path, nameAttribute.Expression.Range, name, folderName));
            }
        }

        var containerBlock = content.BlocksOfType("container").FirstOrDefault();
        var (container, ports) = containerBlock is null ? (null, []) : ContainerBinder.Bind(containerBlock, reader);

        var resources = ResourceRequirements.Default;
        var resourcesBlock = content.BlocksOfType("resources").FirstOrDefault();
        if (resourcesBlock is not null)
        {
            var resourceContent = SchemaChecker.Check(resourcesBlock.Body, ServiceSchema.Resources, path, resourcesBlock.TypeRange, "in a resources block", diagnostics);
            resources = new ResourceRequirements(
                reader.Integer(resourceContent.Attribute("cpu"), 1, 256_000, " MHz") ?? resources.Cpu,
                reader.Integer(resourceContent.Attribute("memory"), 10, 1_048_576, " MiB") ?? resources.MemoryMB);
        }

        var volumes = VolumeBinder.Bind(content.BlocksOfType("volume"), reader);
        var envBlock = content.BlocksOfType("env").FirstOrDefault();
        var env = envBlock is null ? [] : EnvBinder.Bind(envBlock, reader);
        var health = BindHealth(content.BlocksOfType("health").FirstOrDefault(), reader);
        var constraints = BindConstraints(content.BlocksOfType("constraint"), reader);

        var publicAccess = reader.Bool(content.Attribute("public_access")) ?? false;
        var auth = reader.Bool(content.Attribute("auth")) ?? false;
        if (auth && !publicAccess && content.Attribute("auth") is { } authAttribute)
        {
            diagnostics.Add(ServiceDiagnostics.AuthWithoutPublicAccess(path, authAttribute.Range));
        }

        if (publicAccess && container is not null && !container.Ports.Any(p => p.Protocol == PortProtocol.Tcp) && content.Attribute("public_access") is { } publicAttribute)
        {
            diagnostics.Add(ServiceDiagnostics.NoHealthPort(path, publicAttribute.Range));
        }

        var subdomainAttribute = content.Attribute("subdomain");
        var subdomain = reader.String(subdomainAttribute);
        if (subdomain is not null && subdomainAttribute is not null && !NamingRules.IsDnsLabel(subdomain))
        {
            diagnostics.Add(ServiceDiagnostics.InvalidName(path, subdomainAttribute.Expression.Range, "subdomain", subdomain));
        }

        var dependencies = reader.StringList(content.Attribute("depends_on")) ?? [];
        if (name is null || container is null || nameAttribute is null)
        {
            return null;
        }

        var definition = new ServiceDefinition
        {
            Name = name,
            Description = reader.String(content.Attribute("description")),
            Container = container,
            Resources = resources,
            Volumes = volumes,
            Env = env,
            PublicAccess = publicAccess,
            Subdomain = subdomain,
            Auth = auth,
            Health = health,
            Count = reader.Integer(content.Attribute("count"), 0, 100) ?? 1,
            DependsOn = [.. dependencies.Select(d => d.Value)],
            Constraints = constraints,
            SourcePath = path,
        };
        var staticPorts = ports
            .Where(p => p.Port.External is not null)
            .Select(p => (p.Port.External!.Value, p.Port.Protocol, p.Range))
            .ToList();
        return new BoundService(definition, path, nameAttribute.Expression.Range, staticPorts, dependencies);
    }

    private static HealthCheckSpec BindHealth(BlockSyntax? block, AttributeReader reader)
    {
        if (block is null)
        {
            return HealthCheckSpec.Default;
        }

        var content = SchemaChecker.Check(block.Body, ServiceSchema.Health, reader.Path, block.TypeRange, "in a health block", reader.Diagnostics);
        var pathAttribute = content.Attribute("path");
        var healthPath = reader.String(pathAttribute);
        if (healthPath is not null && pathAttribute is not null && (!healthPath.StartsWith('/') || healthPath.Any(char.IsWhiteSpace)))
        {
            reader.Diagnostics.Add(ServiceDiagnostics.InvalidHealthPath(reader.Path, pathAttribute.Expression.Range, healthPath));
            return HealthCheckSpec.Default;
        }

        return new HealthCheckSpec(healthPath);
    }

    private static List<NodeConstraint> BindConstraints(IEnumerable<BlockSyntax> blocks, AttributeReader reader)
    {
        var constraints = new List<NodeConstraint>();
        foreach (var block in blocks)
        {
            var content = SchemaChecker.Check(block.Body, ServiceSchema.Constraint, reader.Path, block.TypeRange, "in a constraint block", reader.Diagnostics);
            var attribute = reader.String(content.Attribute("attribute"));
            if (attribute is not null)
            {
                constraints.Add(new NodeConstraint(attribute, reader.String(content.Attribute("operator")) ?? "=", reader.String(content.Attribute("value")) ?? string.Empty));
            }
        }

        return constraints;
    }
}
