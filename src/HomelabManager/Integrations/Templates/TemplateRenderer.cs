using System.Globalization;
using System.Reflection;
using HandlebarsDotNet;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Templates;

/// <summary>
/// Renders integration templates with Handlebars.Net. A provider's built-in templates are embedded resources
/// beside it (<c>Integrations/&lt;Category&gt;/&lt;Provider&gt;/&lt;file&gt;.hbs</c>); a homelab's
/// <c>templates/&lt;category&gt;/&lt;provider&gt;/&lt;file&gt;.hbs</c> replaces the built-in one.
/// </summary>
/// <remarks>
/// <para>Plain <c>{{value}}</c> inserts text unescaped: templates insert values through the syntax helpers
/// <c>{{yaml v}}</c>, <c>{{json v}}</c>, <c>{{toml v}}</c>, <c>{{hcl v}}</c>, <c>{{nginx v}}</c>, <c>{{caddy v}}</c> and
/// <c>{{gostr v}}</c> (see <see cref="SyntaxEscapes"/>). Numbers and booleans the provider computed may be inserted
/// plainly.</para>
/// <para>consul-template (Nomad <c>template</c>) actions are written with a backslash, <c>\{{ range service "x" }}</c>;
/// Handlebars outputs them as <c>{{ range service "x" }}</c> untouched.</para>
/// <para>Models are dictionaries and lists (no reflection over our types, which keeps NativeAOT happy).</para>
/// </remarks>
internal sealed class TemplateRenderer
{
    private const string ResourcePrefix = "Integrations/";

    private readonly string? _homelabDirectory;
    private readonly IHandlebars _handlebars;
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    /// <param name="homelabDirectory">The homelab folder whose <c>templates/</c> overrides built-ins; null for built-ins only.</param>
    public TemplateRenderer(string? homelabDirectory = null)
    {
        _homelabDirectory = homelabDirectory;
        _handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = true,
        });
        Register("yaml", SyntaxEscapes.Yaml);
        Register("json", SyntaxEscapes.Json);
        Register("toml", SyntaxEscapes.Toml);
        Register("hcl", SyntaxEscapes.Hcl);
        Register("nginx", SyntaxEscapes.Nginx);
        Register("caddy", SyntaxEscapes.Caddy);
        Register("gostr", SyntaxEscapes.GoString);
    }

    /// <summary>Where a homelab puts its own copy of a template.</summary>
    public static string OverridePath(string homelabDirectory, IntegrationCategory category, string provider, string fileName) =>
        Path.Combine(homelabDirectory, "templates", IntegrationCategories.KeyOf(category), provider, fileName);

    /// <summary>The embedded resource name of a built-in template.</summary>
    public static string ResourceName(string providerFolder, string fileName) => $"{ResourcePrefix}{providerFolder}/{fileName}";

    /// <summary>The names of every built-in template.</summary>
    public static IReadOnlyList<string> BuiltInTemplates() =>
        [.. typeof(TemplateRenderer).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Renders <paramref name="fileName"/> of a provider with <paramref name="model"/>.
    /// Throws <see cref="TemplateException"/> when the template is missing or broken, or a value cannot be written.
    /// </summary>
    /// <param name="category">The provider's category (override folder).</param>
    /// <param name="provider">The provider's name (override folder).</param>
    /// <param name="providerFolder">The provider's source folder under <c>Integrations/</c>, e.g. <c>ReverseProxy/Traefik</c>.</param>
    /// <param name="fileName">Template file name, e.g. <c>traefik.yml.hbs</c>.</param>
    /// <param name="model">Dictionaries, lists, strings, numbers and booleans.</param>
    public string Render(IntegrationCategory category, string provider, string providerFolder, string fileName, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (source, origin) = Load(category, provider, providerFolder, fileName);
        try
        {
            if (!_compiled.TryGetValue(origin, out var template))
            {
                template = _handlebars.Compile(source);
                _compiled[origin] = template;
            }

            return template(model).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (TemplateValueException e)
        {
            throw new TemplateException($"{origin}: {e.Message}", e);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"{origin}: {e.Message}", e);
        }
    }

    /// <summary>Renders template text directly (tests, previews).</summary>
    public string RenderText(string source, IReadOnlyDictionary<string, object?> model)
    {
        try
        {
            return _handlebars.Compile(source)(model).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (TemplateValueException e)
        {
            throw new TemplateException(e.Message, e);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException(e.Message, e);
        }
    }

    private (string Source, string Origin) Load(IntegrationCategory category, string provider, string providerFolder, string fileName)
    {
        if (_homelabDirectory is not null)
        {
            var overridePath = OverridePath(_homelabDirectory, category, provider, fileName);
            if (File.Exists(overridePath))
            {
                return (File.ReadAllText(overridePath), overridePath);
            }
        }

        var name = ResourceName(providerFolder, fileName);
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new TemplateException($"built-in template '{name}' is missing");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), name);
    }

    private void Register(string name, Func<string, string> escape) =>
        _handlebars.RegisterHelper(name, (writer, _, arguments) =>
        {
            if (arguments.Length != 1)
            {
                throw new TemplateValueException($"{{{{{name}}}}} takes exactly one value");
            }

            writer.WriteSafeString(escape(Text(name, arguments[0])));
        });

    private static string Text(string helper, object? value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number when value is int or long or double or decimal => number.ToString(null, CultureInfo.InvariantCulture),
        null or UndefinedBindingResult => throw new TemplateValueException($"{{{{{helper}}}}} got no value"),
        _ => throw new TemplateValueException($"{{{{{helper}}}}} takes a string, number or boolean"),
    };
}

/// <summary>A template could not be rendered (missing, malformed, or a value its syntax cannot hold).</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
