using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace HomelabManager.Clients.Route53;

/// <summary>The REST-XML bodies of Route 53 (namespace <c>https://route53.amazonaws.com/doc/2013-04-01/</c>), via System.Xml.Linq.</summary>
internal static class Route53Xml
{
    /// <summary>The API's XML namespace.</summary>
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>Parses a body safely (no DTDs, no external resources); null when it is not XML.</summary>
    public static XDocument? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>A <c>ChangeResourceRecordSetsRequest</c>.</summary>
    public static byte[] ChangeRequest(IReadOnlyList<Route53Change> changes, string? comment)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var batch = new XElement(Ns + "ChangeBatch");
        if (comment is not null)
        {
            batch.Add(new XElement(Ns + "Comment", comment));
        }

        batch.Add(new XElement(Ns + "Changes", changes.Select(c => new XElement(
            Ns + "Change",
            new XElement(Ns + "Action", c.Action.ToString().ToUpperInvariant()),
            RecordSet(c.RecordSet)))));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Ns + "ChangeResourceRecordSetsRequest", batch));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            document.Root!.WriteTo(writer);
        }

        return Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text);
    }

    /// <summary>The sets of a <c>ListResourceRecordSetsResponse</c> and the cursor of the next page (null when not truncated).</summary>
    public static (IReadOnlyList<Route53RecordSet> Sets, (string Name, string? Type, string? Identifier)? Next) ListResponse(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        if (root?.Name != Ns + "ListResourceRecordSetsResponse" || root.Element(Ns + "ResourceRecordSets") is not { } list)
        {
            throw new FormatException("not a ListResourceRecordSetsResponse");
        }

        var sets = list.Elements(Ns + "ResourceRecordSet").Select(ReadSet).ToList();
        var truncated = string.Equals((string?)root.Element(Ns + "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
        return truncated
            ? (sets, ((string?)root.Element(Ns + "NextRecordName") ?? throw new FormatException("truncated without NextRecordName"),
                (string?)root.Element(Ns + "NextRecordType"), (string?)root.Element(Ns + "NextRecordIdentifier")))
            : (sets, null);
    }

    /// <summary>The <c>ChangeInfo</c> of a change response.</summary>
    public static Route53ChangeInfo ChangeInfo(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var info = document.Root?.Element(Ns + "ChangeInfo") ?? throw new FormatException("no ChangeInfo");
        return new Route53ChangeInfo((string?)info.Element(Ns + "Id") ?? string.Empty, (string?)info.Element(Ns + "Status") ?? string.Empty);
    }

    /// <summary>
    /// The message of an error body: <c>Code: Message</c> for <c>ErrorResponse</c>, <c>InvalidChangeBatch: [m1, m2]</c> for
    /// the special root (or an <c>ErrorResponse</c> with that code); null when the body is neither.
    /// </summary>
    public static (string Code, string Message)? Error(string body)
    {
        var document = TryParse(body);
        var root = document?.Root;
        if (root is null)
        {
            return null;
        }

        if (root.Name.LocalName == "InvalidChangeBatch")
        {
            var messages = root.Descendants().Where(e => e.Name.LocalName == "Message").Select(e => e.Value.Trim());
            return ("InvalidChangeBatch", $"[{string.Join(", ", messages)}]");
        }

        if (root.Name.LocalName == "ErrorResponse" && root.Elements().FirstOrDefault(e => e.Name.LocalName == "Error") is { } error)
        {
            string Child(string name) => error.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? string.Empty;
            var code = Child("Code");
            return code == "InvalidChangeBatch" ? (code, $"[{Child("Message")}]") : (code, Child("Message"));
        }

        return null;
    }

    private static XElement RecordSet(Route53RecordSet set)
    {
        var element = new XElement(Ns + "ResourceRecordSet", new XElement(Ns + "Name", set.Name), new XElement(Ns + "Type", set.Type));
        if (set.SetIdentifier is not null)
        {
            element.Add(new XElement(Ns + "SetIdentifier", set.SetIdentifier));
        }

        if (set.Ttl is { } ttl)
        {
            element.Add(new XElement(Ns + "TTL", ttl.ToString(CultureInfo.InvariantCulture)));
        }

        element.Add(new XElement(Ns + "ResourceRecords", set.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));
        return element;
    }

    private static Route53RecordSet ReadSet(XElement set)
    {
        var ttl = (string?)set.Element(Ns + "TTL");
        return new Route53RecordSet(
            (string?)set.Element(Ns + "Name") ?? throw new FormatException("a record set without Name"),
            (string?)set.Element(Ns + "Type") ?? throw new FormatException("a record set without Type"),
            ttl is null ? null : long.Parse(ttl, NumberStyles.None, CultureInfo.InvariantCulture),
            [.. set.Element(Ns + "ResourceRecords")?.Elements(Ns + "ResourceRecord").Select(r => (string?)r.Element(Ns + "Value") ?? string.Empty) ?? []])
        {
            SetIdentifier = (string?)set.Element(Ns + "SetIdentifier"),
            IsAlias = set.Element(Ns + "AliasTarget") is not null,
        };
    }
}
