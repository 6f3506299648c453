using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>Binds the repeatable <c>volume</c> blocks; no two may share a mount path.</summary>
internal static class VolumeBinder
{
    public static List<ServiceVolume> Bind(IEnumerable<BlockSyntax> blocks, AttributeReader reader)
    {
        var volumes = new List<ServiceVolume>();
        var paths = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var content = SchemaChecker.Check(block.Body, ServiceSchema.Volume, reader.Path, block.TypeRange, "in a volume block", reader.Diagnostics);
            var nameAttribute = content.Attribute("name");
            var name = reader.String(nameAttribute);
            if (name is not null && nameAttribute is not null && !NamingRules.IsVolumeName(name))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.InvalidName(reader.Path, nameAttribute.Expression.Range, "volume name", name));
                name = null;
            }

            var pathAttribute = content.Attribute("path");
            var mountPath = reader.String(pathAttribute);
            if (mountPath is not null && pathAttribute is not null)
            {
                var normalized = mountPath.Length > 1 ? mountPath.TrimEnd('/') : mountPath;
                if (!mountPath.StartsWith('/'))
                {
                    reader.Diagnostics.Add(ServiceDiagnostics.RelativeVolumePath(reader.Path, pathAttribute.Expression.Range, mountPath));
                    mountPath = null;
                }
                else if (paths.TryGetValue(normalized, out var first))
                {
                    reader.Diagnostics.Add(ServiceDiagnostics.DuplicateVolumePath(reader.Path, pathAttribute.Expression.Range, mountPath, first));
                    mountPath = null;
                }
                else
                {
                    paths.Add(normalized, pathAttribute.Expression.Range.Start);
                    mountPath = normalized;
                }
            }

            var readOnly = reader.Bool(content.Attribute("read_only")) ?? false;
            if (name is not null && mountPath is not null)
            {
                volumes.Add(new ServiceVolume(name, mountPath, readOnly));
            }
        }

        return volumes;
    }
}
