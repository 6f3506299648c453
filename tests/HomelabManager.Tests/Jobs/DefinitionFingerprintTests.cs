using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Jobs;

/// <summary>
/// The definition hash ignores orders that carry no meaning (env, volumes, cap_add, depends_on, constraints)
/// and follows orders that do (ports: the first TCP port is the service port; args).
/// </summary>
public sealed class DefinitionFingerprintTests
{
    private static readonly ServiceDefinition Original = ServiceExamples.Jellyfin with
    {
        Env = [.. ServiceExamples.Jellyfin.Env, .. ServiceExamples.Nextcloud.Env],
    };

    [Fact]
    public void Is_64_lower_case_hex_characters_and_deterministic()
    {
        var hash = DefinitionFingerprint.Compute(Original);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, DefinitionFingerprint.Compute(Original with { }));
    }

    [Fact]
    public void Is_stable_under_reordering_of_unordered_things()
    {
        var reordered = Original with
        {
            Env = [.. Original.Env.Reverse()],
            Volumes = [.. Original.Volumes.Reverse()],
            Container = Original.Container with { CapAdd = [.. Original.Container.CapAdd.Reverse(), "SYS_ADMIN"] },
            DependsOn = ["postgres", "postgres"],
        };

        Assert.Equal(DefinitionFingerprint.Compute(Original), DefinitionFingerprint.Compute(reordered));
    }

    [Fact]
    public void Reordered_env_gives_the_identical_job_json()
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options);
        var reordered = Original with { Env = [.. Original.Env.Reverse()] };

        Assert.Equal(
            NomadJobJson.Serialize(builder.Build(Original).Job),
            NomadJobJson.Serialize(builder.Build(reordered).Job));
    }

    [Fact]
    public void Ignores_description_and_source_path()
    {
        var moved = Original with { Description = "other words", SourcePath = "elsewhere/service.hcl" };

        Assert.Equal(DefinitionFingerprint.Compute(Original), DefinitionFingerprint.Compute(moved));
    }

    [Fact]
    public void Changes_when_the_image_changes()
    {
        var updated = Original with { Container = Original.Container with { Image = "jellyfin/jellyfin:10.10.0" } };

        Assert.NotEqual(DefinitionFingerprint.Compute(Original), DefinitionFingerprint.Compute(updated));
    }

    [Fact]
    public void Changes_when_port_order_changes_because_it_is_semantic()
    {
        var pihole = ServiceExamples.Pihole;
        var swapped = pihole with { Container = pihole.Container with { Ports = [.. pihole.Container.Ports.Reverse()] } };

        Assert.NotEqual(DefinitionFingerprint.Compute(pihole), DefinitionFingerprint.Compute(swapped));
    }

    [Fact]
    public void Changes_when_args_order_changes()
    {
        var swapped = Original with { Container = Original.Container with { Args = [.. Original.Container.Args.Reverse()] } };

        Assert.NotEqual(DefinitionFingerprint.Compute(Original), DefinitionFingerprint.Compute(swapped));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("literal")]
    [InlineData("count")]
    [InlineData("public")]
    [InlineData("readonly")]
    public void Changes_for_every_semantic_field(string change)
    {
        var changed = change switch
        {
            "secret" => Original with
            {
                Env = [new EnvVariable("TZ", EnvValue.FromVault(VaultReference.Parse("vault:secret/tz#value"))), .. Original.Env.Skip(1)],
            },
            "literal" => Original with { Env = [new EnvVariable("TZ", EnvValue.Literal("UTC")), .. Original.Env.Skip(1)] },
            "count" => Original with { Count = 3 },
            "public" => Original with { PublicAccess = true },
            "readonly" => Original with { Volumes = [.. Original.Volumes.Select(v => v with { ReadOnly = !v.ReadOnly })] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(DefinitionFingerprint.Compute(Original), DefinitionFingerprint.Compute(changed));
    }

    [Fact]
    public void Literal_that_looks_like_a_reference_differs_from_the_reference()
    {
        var literal = ServiceExamples.Minimal with { Env = [new EnvVariable("A", EnvValue.Literal("vault:secret/a#b"))] };
        var reference = ServiceExamples.Minimal with { Env = [new EnvVariable("A", EnvValue.FromVault(VaultReference.Parse("vault:secret/a#b")))] };

        Assert.NotEqual(DefinitionFingerprint.Compute(literal), DefinitionFingerprint.Compute(reference));
    }
}
