using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Jobs;

public sealed class VaultEnvTemplateTests
{
    private const string Escapes =
        """ | replaceAll "\\" "\\\\" | replaceAll "\"" "\\\"" | replaceAll "\n" "\\n" | replaceAll "\t" "\\t" """;

    [Fact]
    public void Kv_v2_reads_mount_data_path_and_data_data()
    {
        var text = VaultEnvTemplate.Render(
            [
                Vault("DB_PASSWORD", "vault:secret/apps/web#db-password"),
                Literal("TZ", "UTC"),
                Vault("DB_USER", "vault:secret/apps/web#user"),
            ],
            new VaultSecretOptions());

        Assert.Equal(
            "{{ with secret \"secret/data/apps/web\" -}}\n" +
            "DB_PASSWORD=\"{{ index .Data.data \"db-password\"" + Escapes + "}}\"\n" +
            "DB_USER=\"{{ index .Data.data \"user\"" + Escapes + "}}\"\n" +
            "{{ end -}}\n",
            text);
    }

    [Fact]
    public void Kv_v1_mount_reads_the_plain_path_and_data()
    {
        var options = new VaultSecretOptions { MountKvVersions = new Dictionary<string, VaultKvVersion> { ["kv"] = VaultKvVersion.V1 } };

        var text = VaultEnvTemplate.Render(
            [Vault("TOKEN", "vault:kv/app#token"), Vault("PASSWORD", "vault:secret/app#password")],
            options);

        Assert.Equal(
            "{{ with secret \"kv/app\" -}}\n" +
            "TOKEN=\"{{ index .Data \"token\"" + Escapes + "}}\"\n" +
            "{{ end -}}\n" +
            "{{ with secret \"secret/data/app\" -}}\n" +
            "PASSWORD=\"{{ index .Data.data \"password\"" + Escapes + "}}\"\n" +
            "{{ end -}}\n",
            text);
    }

    [Fact]
    public void Default_kv_version_can_be_v1()
    {
        var text = VaultEnvTemplate.Render([Vault("A", "vault:secret/x#a")], new VaultSecretOptions { DefaultKvVersion = VaultKvVersion.V1 });

        Assert.Contains("with secret \"secret/x\"", text, StringComparison.Ordinal);
        Assert.Contains("index .Data \"a\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_vault_values_means_no_template()
    {
        Assert.Null(VaultEnvTemplate.Create([Literal("TZ", "UTC")], new VaultSecretOptions()));
    }

    [Fact]
    public void Hostile_key_and_path_cannot_break_out_of_the_action()
    {
        var reference = VaultReference.Create("secret/a\"}}{{env\"X\"}}", "k\" }}{{ plugin \"rm\" }}\\");

        var text = VaultEnvTemplate.Render([new EnvVariable("A", EnvValue.FromVault(reference))], new VaultSecretOptions())!;

        // Only the template's own actions remain: one with, one index, one end.
        Assert.Equal(3, CountOf(text, "{{"));
        Assert.Equal(3, CountOf(text, "}}"));
        Assert.Contains("\"secret/data/a\\u0022\\u007d\\u007d\\u007b\\u007benv\\u0022X\\u0022\\u007d\\u007d\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plugin \"rm\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_name_that_is_not_an_identifier_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() =>
            VaultEnvTemplate.Render([Vault("A}}{{x", "vault:secret/a#b")], new VaultSecretOptions()));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a b", "\"a\\u0020b\"")]
    [InlineData("q\"\\", "\"q\\u0022\\u005c\"")]
    [InlineData("\n}}", "\"\\u000a\\u007d\\u007d\"")]
    [InlineData("ü😀", "\"\\u00fc\\U0001f600\"")]
    public void Go_string_literals_escape_everything_outside_a_safe_set(string value, string expected)
    {
        Assert.Equal(expected, GoTemplateText.StringLiteral(value));
    }

    private static EnvVariable Vault(string name, string reference) => new(name, EnvValue.FromVault(VaultReference.Parse(reference)));

    private static EnvVariable Literal(string name, string value) => new(name, EnvValue.Literal(value));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
