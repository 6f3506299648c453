using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Schema;

/// <summary>
/// Checks a body against a schema, the way HCL's decoder does: unknown arguments and blocks
/// (with "did you mean"), missing required ones (reported at the enclosing block), redefinitions
/// (naming the first), wrong label counts. Every problem is collected; nothing throws.
/// </summary>
public static class SchemaChecker
{
    /// <summary>Checks <paramref name="body"/>; <paramref name="context"/> reads like "in a service block".</summary>
    /// <param name="body">The body to check.</param>
    /// <param name="schema">What it may contain.</param>
    /// <param name="path">The file path for diagnostics.</param>
    /// <param name="enclosing">Where missing items are reported (the enclosing block's type or header).</param>
    /// <param name="context">A phrase naming the place, e.g. "in a container block".</param>
    /// <param name="diagnostics">Where problems are added.</param>
    public static BodyContent Check(Body body, BodySchema schema, string path, SourceRange enclosing, string context, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var knownAttributes = schema.Attributes.Select(a => a.Name).ToList();
        var knownBlocks = schema.Blocks.Select(b => b.Type).ToList();
        var attributes = new Dictionary<string, AttributeSyntax>(StringComparer.Ordinal);
        var ordered = new List<AttributeSyntax>();
        foreach (var attribute in body.Attributes)
        {
            if (!schema.AnyAttributes && !knownAttributes.Contains(attribute.Name))
            {
                diagnostics.Add(knownBlocks.Contains(attribute.Name)
                    ? SchemaDiagnostics.BlockWrittenAsArgument(path, attribute.NameRange, attribute.Name, context)
                    : SchemaDiagnostics.UnsupportedArgument(path, attribute.NameRange, attribute.Name, context, knownAttributes.Concat(knownBlocks)));
                continue;
            }

            // The parser already rejects an argument set twice in one body (HCL206).
            if (attributes.TryAdd(attribute.Name, attribute))
            {
                ordered.Add(attribute);
            }
        }

        var blocks = new List<BlockSyntax>();
        var firstOfType = new Dictionary<string, BlockSyntax>(StringComparer.Ordinal);
        foreach (var block in body.Blocks)
        {
            var blockSchema = schema.Blocks.FirstOrDefault(b => b.Type == block.Type);
            if (blockSchema is null)
            {
                diagnostics.Add(knownAttributes.Contains(block.Type)
                    ? SchemaDiagnostics.ArgumentWrittenAsBlock(path, block.TypeRange, block.Type, context)
                    : SchemaDiagnostics.UnsupportedBlock(path, block.TypeRange, block.Type, context, knownBlocks.Concat(knownAttributes)));
                continue;
            }

            if (!blockSchema.Repeatable && firstOfType.TryGetValue(block.Type, out var firstBlock))
            {
                diagnostics.Add(SchemaDiagnostics.DuplicateBlock(path, block.TypeRange, block.Type, firstBlock.TypeRange.Start));
                continue;
            }

            if (block.Labels.Count != blockSchema.Labels.Count)
            {
                var range = block.Labels.Count > blockSchema.Labels.Count
                    ? block.Labels[blockSchema.Labels.Count].Range
                    : block.TypeRange;
                diagnostics.Add(SchemaDiagnostics.WrongLabelCount(path, range, block.Type, blockSchema.Labels, block.Labels.Count));

                // The block is there, only its labels are wrong: it must not also count as missing.
                firstOfType.TryAdd(block.Type, block);
                continue;
            }

            firstOfType.TryAdd(block.Type, block);
            blocks.Add(block);
        }

        foreach (var required in schema.Attributes.Where(a => a.Required && !attributes.ContainsKey(a.Name)))
        {
            diagnostics.Add(SchemaDiagnostics.MissingArgument(path, enclosing, required.Name, context));
        }

        foreach (var required in schema.Blocks.Where(b => b.Required && !firstOfType.ContainsKey(b.Type)))
        {
            diagnostics.Add(SchemaDiagnostics.MissingBlock(path, enclosing, required.Type, context));
        }

        return new BodyContent(body, attributes, ordered, blocks);
    }
}
