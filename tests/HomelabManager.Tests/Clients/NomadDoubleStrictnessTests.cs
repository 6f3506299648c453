using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HomelabManager.Clients.Http;
using HomelabManager.Jobs;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Clients;

/// <summary>The Nomad double rejects what the contracts say a real server rejects, and more (never less).</summary>
public sealed class NomadDoubleStrictnessTests
{
    [RequiresNomadSchemaFact]
    public async Task Unknown_field_is_rejected_with_a_plain_text_500_and_reported_unretried()
    {
        await using var nomad = await NomadDouble.StartAsync();
        var body = RegisterBody(job => job["TaskGroups"]![0]!["Tasks"]![0]!["Resources"]!["Memory"] = 512);

        var (status, contentType, text) = await PutAsync(nomad, "/v1/jobs", body);

        Assert.Equal(500, status);
        Assert.Equal("text/plain; charset=utf-8", contentType);
        Assert.StartsWith("1 error occurred:\n\t* $.Job.TaskGroups[0].Tasks[0].Resources.Memory: unknown field of Resources", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.Equal(10UL, nomad.Index);
    }

    [RequiresNomadSchemaFact]
    public async Task String_duration_is_a_decode_error_400()
    {
        await using var nomad = await NomadDouble.StartAsync();
        var body = RegisterBody(job => job["TaskGroups"]![0]!["Update"]!["MinHealthyTime"] = "10s");

        var (status, _, text) = await PutAsync(nomad, "/v1/jobs", body);

        Assert.Equal(400, status);
        Assert.Contains("MinHealthyTime: a duration must be an integer of nanoseconds", text, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Missing_required_fields_are_rejected()
    {
        await using var nomad = await NomadDouble.StartAsync();

        var noDriver = await PutAsync(nomad, "/v1/jobs", RegisterBody(job => job["TaskGroups"]![0]!["Tasks"]![0]!.AsObject().Remove("Driver")));
        var noId = await PutAsync(nomad, "/v1/jobs", RegisterBody(job => job.Remove("ID")));
        var noJob = await PutAsync(nomad, "/v1/jobs", "{}");
        var empty = await PutAsync(nomad, "/v1/jobs", string.Empty);
        var space = await PutAsync(nomad, "/v1/jobs", RegisterBody(job => job["ID"] = "bad example"));
        var planMismatch = await PutAsync(nomad, "/v1/job/other/plan", RegisterBody(_ => { }));

        Assert.Equal(500, noDriver.Status);
        Assert.Contains("Driver: required ('Missing task driver')", noDriver.Text, StringComparison.Ordinal);
        Assert.Equal((400, "Job ID hasn't been provided"), (noId.Status, noId.Text));
        Assert.Equal((400, "Job must be specified"), (noJob.Status, noJob.Text));
        Assert.Equal((400, "Request body is empty"), (empty.Status, empty.Text));
        Assert.Equal(500, space.Status);
        Assert.Contains("Job ID contains a space", space.Text, StringComparison.Ordinal);
        Assert.Equal((400, "Job ID does not match"), (planMismatch.Status, planMismatch.Text));
    }

    [RequiresNomadSchemaFact]
    public async Task Client_reports_validation_500_with_the_servers_text_as_a_user_error()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job() with { Id = "bad example" };

        var error = await Assert.ThrowsAsync<ApiException>(() => client.RegisterJobAsync(TestClients.Register(job, enforceIndex: 0)));

        Assert.Equal(("Nomad", 500, ApiErrorKind.HttpStatus, 1), (error.Api, error.StatusCode, error.Kind, error.Attempts));
        Assert.True(error.IsUserError);
        Assert.Contains("Job ID contains a space", error.ServerMessage, StringComparison.Ordinal);
        Assert.Contains("Nomad API: PUT /v1/jobs: HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, nomad.Requests.Count("PUT", "/v1/jobs"));
    }

    [RequiresNomadSchemaFact]
    public async Task Acl_token_is_enforced_where_the_real_server_does()
    {
        await using var nomad = await NomadDouble.StartAsync(new NomadDoubleOptions { Token = "3f1c0000-aaaa-bbbb-cccc-000000000001" });
        using var anonymous = TestClients.Nomad(nomad);
        using var wrong = TestClients.Nomad(nomad, token: "3f1c0000-aaaa-bbbb-cccc-000000000002");
        using var right = TestClients.Nomad(nomad, token: "3f1c0000-aaaa-bbbb-cccc-000000000001");

        var denied = await Assert.ThrowsAsync<ApiException>(() => anonymous.ListJobsAsync());
        var unknown = await Assert.ThrowsAsync<ApiException>(() => wrong.ListJobsAsync());

        Assert.Equal((403, "Permission denied", 1), (denied.StatusCode, denied.ServerMessage, denied.Attempts));
        Assert.Equal((403, "ACL token not found"), (unknown.StatusCode, unknown.ServerMessage));
        Assert.True(denied.IsUserError);
        Assert.Empty((await right.ListJobsAsync()).Value);
        Assert.True((await right.ReadAgentSelfAsync()).Config!.Acl!.Enabled);
        Assert.Equal("127.0.0.1:4647", await anonymous.ReadLeaderAsync());
        Assert.Equal("<redacted>", nomad.Requests.All.Last(r => r.Path == "/v1/jobs").Header("X-Nomad-Token"));
    }

    [RequiresNomadSchemaFact]
    public async Task Wrong_method_bad_blocking_params_and_unknown_paths()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.BaseAddress };

        var method = await http.PatchAsync(new Uri("/v1/jobs", UriKind.Relative), null);
        var wait = await http.GetAsync(new Uri("/v1/jobs?index=1&wait=10", UriKind.Relative));
        var index = await http.GetAsync(new Uri("/v1/jobs?index=x", UriKind.Relative));
        var unknown = await http.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "Invalid method"), (method.StatusCode, await method.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid wait time"), (wait.StatusCode, await wait.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid index"), (index.StatusCode, await index.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.NotFound, string.Empty), (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()));
    }

    private static string RegisterBody(Action<JsonObject> change)
    {
        var body = JsonNode.Parse(NomadJobJson.Serialize(TestClients.Register(TestClients.Job()), indented: false))!.AsObject();
        change(body["Job"]!.AsObject());
        return body.ToJsonString();
    }

    private static async Task<(int Status, string? ContentType, string Text)> PutAsync(NomadDouble nomad, string path, string body)
    {
        using var http = new HttpClient { BaseAddress = nomad.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri(path, UriKind.Relative), content);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
