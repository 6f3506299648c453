using HomelabManager.Hcl.Syntax;
using HomelabManager.Secrets;

namespace HomelabManager.Definitions;

/// <summary>Binds the <c>env</c> block: literal values and <c>vault:PATH#KEY</c> references.</summary>
internal static class EnvBinder
{
    public static List<EnvVariable> Bind(BlockSyntax block, AttributeReader reader)
    {
        var variables = new List<EnvVariable>();
        foreach (var attribute in block.Body.Attributes)
        {
            if (!NamingRules.IsEnvName(attribute.Name))
            {
                reader.Diagnostics.Add(ServiceDiagnostics.InvalidEnvName(reader.Path, attribute.NameRange, attribute.Name));
                continue;
            }

            var text = reader.Scalar(attribute.Expression, attribute.Name);
            if (text is null)
            {
                continue;
            }

            if (!VaultReference.HasPrefix(text))
            {
                variables.Add(new EnvVariable(attribute.Name, EnvValue.Literal(text)));
            }
            else if (VaultReference.TryParse(text, out var reference, out var error))
            {
                variables.Add(new EnvVariable(attribute.Name, EnvValue.FromVault(reference)));
            }
            else
            {
                reader.Diagnostics.Add(ServiceDiagnostics.InvalidVaultReference(reader.Path, attribute.Expression.Range, error));
            }
        }

        foreach (var nested in block.Body.Blocks)
        {
            reader.Diagnostics.Add(Hcl.Schema.SchemaDiagnostics.UnsupportedBlock(reader.Path, nested.TypeRange, nested.Type, "in an env block", []));
        }

        return variables;
    }
}
