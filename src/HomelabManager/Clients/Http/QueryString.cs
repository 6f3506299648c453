using System.Text;

namespace HomelabManager.Clients.Http;

/// <summary>Builds <c>path?k=v&amp;…</c> with RFC 3986 escaping; null values are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text;
    private bool _hasQuery;

    public QueryString(string path)
    {
        _text = new StringBuilder(path);
        _hasQuery = path.Contains('?', StringComparison.Ordinal);
    }

    /// <summary>Escapes one path segment (a job ID, a secret path part).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>Escapes each segment of a slash-separated path, keeping the slashes.</summary>
    public static string Path(string value) =>
        string.Join('/', value.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Adds <c>name=value</c> unless value is null.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>Adds <c>name=true|false</c> unless value is null.</summary>
    public QueryString Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a number unless it is null.</summary>
    public QueryString Add(string name, ulong? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => _text.ToString();
}
