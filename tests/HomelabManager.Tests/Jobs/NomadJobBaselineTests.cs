using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.Baselines;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Jobs;

public sealed class NomadJobBaselineTests
{
    [Theory]
    [InlineData("nextcloud")]
    [InlineData("pihole")]
    [InlineData("minimal")]
    [InlineData("jellyfin")]
    public void Api_json_matches_baseline_and_schema(string name)
    {
        var built = new NomadJobBuilder(ServiceExamples.Options).Build(ServiceExamples.ByName(name));
        var json = NomadJobJson.Serialize(new NomadJobRegisterRequest { Job = built.Job });

        NomadJobAssert.IsValidRegisterRequest(json);
        BaselineAssert.Matches($"Jobs/{name}.json", json + "\n");
    }

    [Theory]
    [InlineData("nextcloud")]
    [InlineData("pihole")]
    [InlineData("minimal")]
    [InlineData("jellyfin")]
    public void Hcl_jobspec_matches_baseline(string name)
    {
        var built = new NomadJobBuilder(ServiceExamples.Options).Build(ServiceExamples.ByName(name));

        BaselineAssert.Matches($"Jobs/{name}.nomad.hcl", NomadJobHclWriter.Write(built.Job));
    }
}
