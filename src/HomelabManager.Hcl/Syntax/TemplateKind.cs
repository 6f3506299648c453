namespace HomelabManager.Hcl.Syntax;

/// <summary>Where a template comes from.</summary>
public enum TemplateKind
{
    /// <summary>A quoted string.</summary>
    Quoted,

    /// <summary>A heredoc.</summary>
    Heredoc,

    /// <summary>The body or branch of a template directive.</summary>
    Directive,
}
