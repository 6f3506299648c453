using System.Text;
using System.Text.Json;
using HomelabManager.Clients.Aws;

namespace HomelabManager.Tests.Clients.Aws;

/// <summary>
/// The SigV4 test cases under <c>../shared/contracts/vectors/</c>, read in place (never copied into the repository):
/// <c>aws-sigv4/</c> (aws-c-auth suite) and <c>aws-sigv4-route53-local/</c>.
/// </summary>
internal static class SigV4Vectors
{
    public const string Suite = "aws-sigv4";
    public const string Route53 = "aws-sigv4-route53-local";

    /// <summary>The vectors folder, or null when <c>../shared</c> is absent.</summary>
    public static string? Directory
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Shared, "contracts", "vectors");
            return System.IO.Directory.Exists(Path.Combine(path, Suite)) ? path : null;
        }
    }

    public static string MissingReason =>
        $"SigV4 vectors not found: expected {Path.Combine(RepositoryPaths.Shared, "contracts", "vectors", Suite)} beside the repository; the vector tests are skipped";

    /// <summary>Case names of one folder (empty when absent).</summary>
    public static IEnumerable<object[]> Cases(string folder) =>
        Directory is { } root && System.IO.Directory.Exists(Path.Combine(root, folder))
            ? System.IO.Directory.GetDirectories(Path.Combine(root, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new object[] { n! })
            : [];

    public static SigV4Case Load(string folder, string name)
    {
        var path = Path.Combine(Directory!, folder, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(path, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        var token = credentials.TryGetProperty("token", out var t) ? t.GetString() : null;
        bool Flag(string key) => root.TryGetProperty(key, out var value) && value.GetBoolean();
        return new SigV4Case(
            name,
            HttpText.Parse(File.ReadAllBytes(Path.Combine(path, "request.txt"))),
            new AwsCredentials(credentials.GetProperty("access_key_id").GetString()!, credentials.GetProperty("secret_access_key").GetString()!, token),
            new SigV4Scope(root.GetProperty("region").GetString()!, root.GetProperty("service").GetString()!)
            {
                NormalizePath = Flag("normalize"),
                AddContentSha256Header = Flag("sign_body"),
                OmitSessionTokenFromSignature = Flag("omit_session_token"),
            },
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(path, "header-canonical-request.txt")),
            File.ReadAllText(Path.Combine(path, "header-string-to-sign.txt")),
            File.ReadAllText(Path.Combine(path, "header-signature.txt")).Trim(),
            HttpText.Parse(File.ReadAllBytes(Path.Combine(path, "header-signed-request.txt"))));
    }
}

internal sealed record SigV4Case(
    string Name,
    HttpText Request,
    AwsCredentials Credentials,
    SigV4Scope Scope,
    DateTimeOffset Time,
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    HttpText SignedRequest);

/// <summary>An HTTP/1.1 request as text: request line, headers (folded lines joined), body.</summary>
internal sealed record HttpText(string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static HttpText Parse(byte[] bytes)
    {
        // Headers are text; the body is kept as bytes. The head ends at the first empty line.
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? [] : Encoding.UTF8.GetBytes(text[(split + 2)..]);
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new HttpText(
            method,
            question < 0 ? target : target[..question],
            question < 0 ? string.Empty : target[(question + 1)..],
            headers,
            body);
    }
}
