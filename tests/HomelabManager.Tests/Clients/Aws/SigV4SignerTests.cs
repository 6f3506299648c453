using System.Net;
using System.Text;
using HomelabManager.Clients.Aws;

namespace HomelabManager.Tests.Clients.Aws;

/// <summary>SigV4 against the published aws-c-auth suite (header forms) and the two local Route 53 cases.</summary>
public sealed class SigV4SignerTests
{
    public static IEnumerable<object[]> SuiteCases => SigV4Vectors.Cases(SigV4Vectors.Suite);

    public static IEnumerable<object[]> Route53Cases => SigV4Vectors.Cases(SigV4Vectors.Route53);

    [RequiresSigV4VectorsFact]
    public void The_suite_has_all_38_cases_and_both_Route53_cases()
    {
        Assert.Equal(38, SuiteCases.Count());
        Assert.Equal(["change-resource-record-sets", "list-resource-record-sets"], Route53Cases.Select(c => (string)c[0]));
    }

    [RequiresSigV4VectorsTheory]
    [MemberData(nameof(SuiteCases))]
    public void Suite_case_matches_every_header_form(string name) => AssertCase(SigV4Vectors.Load(SigV4Vectors.Suite, name));

    [RequiresSigV4VectorsTheory]
    [MemberData(nameof(Route53Cases))]
    public void Route53_case_matches_every_header_form(string name) => AssertCase(SigV4Vectors.Load(SigV4Vectors.Route53, name));

    [RequiresSigV4VectorsFact]
    public async Task The_signing_handler_signs_a_real_HttpRequestMessage_like_the_Route53_vector()
    {
        var vector = SigV4Vectors.Load(SigV4Vectors.Route53, "change-resource-record-sets");
        var capture = new CapturingHandler();
        using var handler = new SigV4SigningHandler(capture, vector.Credentials, SigV4Scope.Route53, new FixedTime(vector.Time));
        using var http = new HttpClient(handler);
        using var content = new ByteArrayContent(vector.Request.Body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");

        using var response = await http.PostAsync(new Uri("https://route53.amazonaws.com/2013-04-01/hostedzone/Z3M3LMPEXAMPLE/rrset/"), content);

        var sent = capture.Requests.Single();
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/route53/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={vector.Signature}",
            sent.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", sent.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("route53.amazonaws.com", sent.Headers.Host);
    }

    [Fact]
    public async Task Each_retry_is_signed_again_with_the_current_time()
    {
        var capture = new CapturingHandler();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
        using var handler = new SigV4SigningHandler(capture, new AwsCredentials("AKIDEXAMPLE", "secret-key-value", "session-token-value"), SigV4Scope.Route53, time);
        using var invoker = new HttpMessageInvoker(handler);

        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8080/2013-04-01/hostedzone/Z1/rrset?maxitems=1");
        using var first = await invoker.SendAsync(request, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        using var second = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("127.0.0.1:8080", capture.Requests[1].Headers.Host);
        Assert.Equal("20150830T123700Z", capture.Requests[1].Headers.GetValues("X-Amz-Date").Single());
        Assert.Single(capture.Requests[1].Headers.GetValues("Authorization"));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", capture.Requests[1].Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.NotEqual(capture.Authorizations[0], capture.Authorizations[1]);
        Assert.DoesNotContain("secret-key-value", string.Join("\n", capture.Authorizations), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value", new AwsCredentials("AKIDEXAMPLE", "secret-key-value", "tok-en-value").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-en-value", new AwsCredentials("AKIDEXAMPLE", "secret-key-value", "tok-en-value").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a/./b/../c//d/", true, "/a/c/d/")]
    [InlineData("/a%20b", true, "/a%2520b")]
    [InlineData("/a%20b", false, "/a%2520b")]
    [InlineData("", true, "/")]
    [InlineData("/..", true, "/")]
    public void Canonical_uri(string path, bool normalize, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path, normalize));

    private static void AssertCase(SigV4Case vector)
    {
        var request = vector.Request;
        var signature = SigV4Signer.Sign(
            new SigV4Request(request.Method, request.Path, request.Query, request.Headers, request.Body),
            vector.Credentials,
            vector.Scope,
            vector.Time);

        Assert.Equal(vector.CanonicalRequest, signature.CanonicalRequest);
        Assert.Equal(vector.StringToSign, signature.StringToSign);
        Assert.Equal(vector.Signature, signature.Signature);

        // Signed request: the original headers plus the added ones, as a multiset (the files' order of the added headers varies).
        static IEnumerable<string> Normalised(IEnumerable<KeyValuePair<string, string>> headers) =>
            headers.Select(h => h.Key.ToLowerInvariant() + ":" + h.Value).Order(StringComparer.Ordinal);
        Assert.Equal(Normalised(vector.SignedRequest.Headers), Normalised([.. request.Headers, .. signature.HeadersToAdd]));
        Assert.Equal((vector.SignedRequest.Method, vector.SignedRequest.Path, vector.SignedRequest.Query), (request.Method, request.Path, request.Query));
        Assert.Equal(Encoding.UTF8.GetString(vector.SignedRequest.Body), Encoding.UTF8.GetString(request.Body));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public List<string> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Authorizations.Add(request.Headers.GetValues("Authorization").Single());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A fact that is skipped, with the reason, when the SigV4 vectors are not beside the repository.</summary>
public sealed class RequiresSigV4VectorsFactAttribute : FactAttribute
{
    public RequiresSigV4VectorsFactAttribute()
    {
        if (SigV4Vectors.Directory is null)
        {
            Skip = SigV4Vectors.MissingReason;
        }
    }
}

/// <summary>A theory that is skipped, with the reason, when the SigV4 vectors are not beside the repository.</summary>
public sealed class RequiresSigV4VectorsTheoryAttribute : TheoryAttribute
{
    public RequiresSigV4VectorsTheoryAttribute()
    {
        if (SigV4Vectors.Directory is null)
        {
            Skip = SigV4Vectors.MissingReason;
        }
    }
}
