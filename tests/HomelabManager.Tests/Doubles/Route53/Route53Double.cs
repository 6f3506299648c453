using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabManager.Tests.Doubles.Route53;

/// <summary>
/// An in-process Route 53 REST-XML API (<c>contracts/dns-vpn-auth.md</c> §3) that verifies every request's SigV4
/// signature with its own, independent recomputation (test credentials, us-east-1, route53, 5 minutes of clock skew)
/// and answers 403 <c>SignatureDoesNotMatch</c> otherwise. GetHostedZone, hosted zone by name, ListResourceRecordSets with a start
/// cursor and <c>maxitems</c>, ChangeResourceRecordSets (CREATE / DELETE exact / UPSERT, all or nothing, the
/// <c>InvalidChangeBatch</c> root on failure). Only bare zone ids are accepted in paths.
/// </summary>
internal sealed class Route53Double : ApiDouble
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<XElement>> _sets = new(StringComparer.Ordinal);

    private Route53Double(TimeProvider? time)
        : base(time)
    {
    }

    /// <summary>Starts a double without zones.</summary>
    public static async Task<Route53Double> StartAsync(TimeProvider? time = null)
    {
        var route53 = new Route53Double(time);
        await route53.StartServerAsync();
        return route53;
    }

    /// <summary>Largest page the double returns (lower it to test paging).</summary>
    public int MaxPage { get; set; } = 300;

    /// <summary>Adds a hosted zone; returns its bare id.</summary>
    public string AddZone(string name)
    {
        lock (_lock)
        {
            var id = "Z" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
            _zones[id] = name.TrimEnd('.').ToLowerInvariant() + ".";
            _sets[id] = [];
            return id;
        }
    }

    /// <summary>Adds a record set directly (e.g. one made by hand).</summary>
    public void AddSet(string zoneId, string name, string type, long ttl, params string[] values)
    {
        lock (_lock)
        {
            _sets[zoneId].Add(Set(name, type, ttl, values));
        }
    }

    /// <summary>(name, type, values) of every set in the zone.</summary>
    public IReadOnlyList<(string Name, string Type, IReadOnlyList<string> Values)> Sets(string zoneId)
    {
        lock (_lock)
        {
            return [.. _sets[zoneId].Select(s => ((string)s.Element(Ns + "Name")!, (string)s.Element(Ns + "Type")!, (IReadOnlyList<string>)[.. s.Descendants(Ns + "Value").Select(v => v.Value)]))];
        }
    }

    /// <summary>An <c>ErrorResponse</c> document (for fault injection, e.g. <c>Throttling</c> / <c>Rate exceeded</c>).</summary>
    public static string ErrorDocument(string code, string message) =>
        "<?xml version=\"1.0\"?>\n" + ErrorBody("Sender", code, message).ToString(SaveOptions.DisableFormatting);

    protected override void MapEndpoints(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (await VerifyAsync(context) is { } failure)
            {
                await Xml(context, 403, ErrorBody("Sender", failure.Code, failure.Message));
                return;
            }

            await next(context);
        });
        static string Id(HttpContext c) => (string)c.Request.RouteValues["id"]!;
        app.MapGet("/2013-04-01/hostedzonesbyname", new RequestDelegate(HostedZoneByName));
        app.MapGet("/2013-04-01/hostedzone/{id}", new RequestDelegate(c => GetHostedZone(c, Id(c))));
        app.MapGet("/2013-04-01/hostedzone/{id}/rrset", new RequestDelegate(c => List(c, Id(c))));
        app.MapPost("/2013-04-01/hostedzone/{id}/rrset", new RequestDelegate(c => ChangeOrReport(c, Id(c)))); // routing matches /rrset/ too
        app.MapFallback(new RequestDelegate(c => Xml(c, 404, ErrorBody("Sender", "UnknownOperationException", "Unknown operation " + c.Request.Path))));
    }

    private static XElement Set(string name, string type, long ttl, IEnumerable<string> values) => new(
        Ns + "ResourceRecordSet",
        new XElement(Ns + "Name", name.TrimEnd('.').ToLowerInvariant() + "."),
        new XElement(Ns + "Type", type),
        new XElement(Ns + "TTL", ttl),
        new XElement(Ns + "ResourceRecords", values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));

    private static string Key(XElement set) => ((string)set.Element(Ns + "Name")!).TrimEnd('.').ToLowerInvariant() + "." + "|" + (string)set.Element(Ns + "Type")!;

    private static string SortKey(XElement set) =>
        string.Join('.', ((string)set.Element(Ns + "Name")!).TrimEnd('.').Split('.').Reverse()) + "|" + (string)set.Element(Ns + "Type")!;

    private static XElement ErrorBody(string type, string code, string message) => new(
        Ns + "ErrorResponse",
        new XElement(Ns + "Error", new XElement(Ns + "Type", type), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
        new XElement(Ns + "RequestId", Guid.NewGuid().ToString()));

    private static Task Xml(HttpContext context, int status, XElement root) =>
        WriteTextAsync(context, status, "<?xml version=\"1.0\"?>\n" + root.ToString(SaveOptions.DisableFormatting), "text/xml");

    private async Task<(string Code, string Message)?> VerifyAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        var date = request.Headers["X-Amz-Date"].ToString();
        if (authorization.Length == 0 || date.Length == 0)
        {
            return ("MissingAuthenticationToken", "Missing Authentication Token");
        }

        const string Prefix = "AWS4-HMAC-SHA256 Credential=";
        var parts = authorization.StartsWith(Prefix, StringComparison.Ordinal)
            ? authorization[Prefix.Length..].Split(", ")
            : [];
        if (parts.Length != 3 || !parts[1].StartsWith("SignedHeaders=", StringComparison.Ordinal) || !parts[2].StartsWith("Signature=", StringComparison.Ordinal))
        {
            return ("IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature.");
        }

        var scope = $"{date[..8]}/us-east-1/route53/aws4_request";
        if (parts[0] != $"{AccessKeyId}/{scope}")
        {
            return ("InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (sent - Time.GetUtcNow()).Duration() > TimeSpan.FromMinutes(5))
        {
            return ("SignatureDoesNotMatch", "Signature expired: " + date + " is now earlier or later than the allowed 5 minutes.");
        }

        var signedHeaders = parts[1]["SignedHeaders=".Length..];
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date") || (request.Headers.ContainsKey("X-Amz-Security-Token") && !names.Contains("x-amz-security-token")))
        {
            return ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        // Independent recomputation: raw target from the wire, each path segment escaped again (Route 53 double-encodes).
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        var canonicalHeaders = string.Concat(names.Select(n => n + ":" + string.Join(' ', request.Headers[n].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "\n"));
        request.EnableBuffering();
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        var canonical = string.Join('\n', request.Method, string.Join('/', path.Split('/').Select(Uri.EscapeDataString)), canonicalQuery, canonicalHeaders, signedHeaders, Hex(SHA256.HashData(buffer.ToArray())));
        var toSign = $"AWS4-HMAC-SHA256\n{date}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretAccessKey);
        foreach (var part in new[] { date[..8], "us-east-1", "route53", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]["Signature=".Length..]))
            ? null
            : ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private Task HostedZoneByName(HttpContext context)
    {
        var name = context.Request.Query["dnsname"].ToString().TrimEnd('.').ToLowerInvariant() + ".";
        lock (_lock)
        {
            var zones = _zones.Where(z => string.CompareOrdinal(z.Value, name) >= 0).OrderBy(z => z.Value, StringComparer.Ordinal).Take(1)
                .Select(z => new XElement(Ns + "HostedZone", new XElement(Ns + "Id", "/hostedzone/" + z.Key), new XElement(Ns + "Name", z.Value)));
            return Xml(context, 200, new XElement(
                Ns + "ListHostedZonesByNameResponse",
                new XElement(Ns + "HostedZones", zones),
                new XElement(Ns + "IsTruncated", "false"),
                new XElement(Ns + "MaxItems", "1")));
        }
    }

    private Task GetHostedZone(HttpContext context, string id)
    {
        if (context.Request.Query.Count > 0)
        {
            return Xml(context, 400, ErrorBody("Sender", "InvalidInput", "Unexpected parameter " + context.Request.Query.Keys.First()));
        }

        lock (_lock)
        {
            if (!_zones.TryGetValue(id, out var name))
            {
                return Xml(context, 404, ErrorBody("Sender", "NoSuchHostedZone", "No hosted zone found with ID: " + id));
            }

            return Xml(context, 200, new XElement(
                Ns + "GetHostedZoneResponse",
                new XElement(
                    Ns + "HostedZone",
                    new XElement(Ns + "Id", "/hostedzone/" + id),
                    new XElement(Ns + "Name", name),
                    new XElement(Ns + "CallerReference", "homelab-tests"),
                    new XElement(Ns + "Config", new XElement(Ns + "PrivateZone", "false")),
                    new XElement(Ns + "ResourceRecordSetCount", _sets[id].Count))));
        }
    }

    private Task List(HttpContext context, string id)
    {
        var query = context.Request.Query;
        if (query.Keys.Except(["name", "type", "identifier", "maxitems"]).FirstOrDefault() is { } unknown)
        {
            return Xml(context, 400, ErrorBody("Sender", "InvalidInput", "Unexpected parameter " + unknown));
        }

        if (query.ContainsKey("type") && !query.ContainsKey("name"))
        {
            return Xml(context, 400, ErrorBody("Sender", "InvalidInput", "The input is not valid: type without name"));
        }

        var max = Math.Min(MaxPage, query.ContainsKey("maxitems") ? int.Parse(query["maxitems"]!, CultureInfo.InvariantCulture) : 300);
        lock (_lock)
        {
            if (!_sets.TryGetValue(id, out var sets))
            {
                return Xml(context, 404, ErrorBody("Sender", "NoSuchHostedZone", "No hosted zone found with ID: " + id));
            }

            var start = query.ContainsKey("name")
                ? string.Join('.', query["name"].ToString().TrimEnd('.').ToLowerInvariant().Split('.').Reverse()) + "|" + query["type"]
                : string.Empty;
            var ordered = sets.OrderBy(SortKey, StringComparer.Ordinal).Where(s => string.CompareOrdinal(SortKey(s), start) >= 0).ToList();
            var page = ordered.Take(max).ToList();
            var response = new XElement(Ns + "ListResourceRecordSetsResponse", new XElement(Ns + "ResourceRecordSets", page.Select(s => new XElement(s))));
            response.Add(new XElement(Ns + "IsTruncated", ordered.Count > max ? "true" : "false"));
            if (ordered.Count > max)
            {
                response.Add(new XElement(Ns + "NextRecordName", ordered[max].Element(Ns + "Name")!.Value), new XElement(Ns + "NextRecordType", ordered[max].Element(Ns + "Type")!.Value));
            }

            response.Add(new XElement(Ns + "MaxItems", max.ToString(CultureInfo.InvariantCulture)));
            return Xml(context, 200, response);
        }
    }

    private async Task ChangeOrReport(HttpContext context, string id)
    {
        try
        {
            await Change(context, id);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            await Xml(context, 500, ErrorBody("Receiver", "InternalFailure", "double bug: " + e));
        }
    }

    private async Task Change(HttpContext context, string id)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted));
        }
        catch (System.Xml.XmlException e)
        {
            await Xml(context, 400, ErrorBody("Sender", "InvalidInput", "Malformed XML: " + e.Message));
            return;
        }

        var changes = document.Root?.Name == Ns + "ChangeResourceRecordSetsRequest" ? document.Root.Descendants(Ns + "Change").ToList() : null;
        if (changes is null || changes.Count == 0)
        {
            await Xml(context, 400, ErrorBody("Sender", "InvalidInput", "Expected a ChangeResourceRecordSetsRequest with changes"));
            return;
        }

        var problems = new List<string>();
        lock (_lock)
        {
            if (!_sets.TryGetValue(id, out var sets))
            {
                problems.Add("NoSuchHostedZone");
                sets = [];
            }

            var working = sets.Select(s => new XElement(s)).ToList();
            foreach (var change in changes)
            {
                var action = (string?)change.Element(Ns + "Action");
                var set = change.Element(Ns + "ResourceRecordSet")!;
                var normalised = Set((string)set.Element(Ns + "Name")!, (string)set.Element(Ns + "Type")!, (long?)set.Element(Ns + "TTL") ?? 300, set.Descendants(Ns + "Value").Select(v => v.Value));
                var name = (string)normalised.Element(Ns + "Name")!;
                var type = (string)normalised.Element(Ns + "Type")!;
                var existing = working.FirstOrDefault(s => Key(s) == Key(normalised));
                var other = working.FirstOrDefault(s => (string)s.Element(Ns + "Name")! == name && Key(s) != Key(normalised) && (type == "CNAME" || (string)s.Element(Ns + "Type")! == "CNAME"));
                switch (action)
                {
                    case "CREATE" when existing is not null:
                        problems.Add($"Tried to create resource record set [name='{name}', type='{type}'] but it already exists");
                        break;
                    case "CREATE" or "UPSERT" when other is not null:
                        problems.Add($"RRSet of type {type} with DNS name {name} is not permitted because a conflicting RRSet of type {(string)other.Element(Ns + "Type")!} with the same DNS name already exists in zone {_zones[id]}");
                        break;
                    case "CREATE" or "UPSERT":
                        working.Remove(existing!);
                        working.Add(normalised);
                        break;
                    case "DELETE" when existing is null:
                        problems.Add($"Tried to delete resource record set [name='{name}', type='{type}'] but it was not found");
                        break;
                    case "DELETE" when !XNode.DeepEquals(existing, normalised):
                        problems.Add($"Tried to delete resource record set [name='{name}', type='{type}'] but the values provided do not match the current values");
                        break;
                    case "DELETE":
                        working.Remove(existing);
                        break;
                    default:
                        problems.Add($"Unknown action {action}");
                        break;
                }
            }

            if (problems.Count == 0)
            {
                _sets[id] = working;
            }
        }

        if (problems.FirstOrDefault() == "NoSuchHostedZone")
        {
            await Xml(context, 404, ErrorBody("Sender", "NoSuchHostedZone", "No hosted zone found with ID: " + id));
            return;
        }

        if (problems.Count > 0)
        {
            await Xml(context, 400, new XElement(Ns + "InvalidChangeBatch", new XElement(Ns + "Messages", problems.Select(p => new XElement(Ns + "Message", p))), new XElement(Ns + "RequestId", Guid.NewGuid().ToString())));
            return;
        }

        await Xml(context, 200, new XElement(Ns + "ChangeResourceRecordSetsResponse", new XElement(Ns + "ChangeInfo",
            new XElement(Ns + "Id", "/change/C" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6))),
            new XElement(Ns + "Status", "PENDING"),
            new XElement(Ns + "SubmittedAt", Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)))));
    }
}
