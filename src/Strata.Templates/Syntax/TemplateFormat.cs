namespace Strata.Templates.Syntax;

public enum TemplateFormat
{
    Json,
    Yaml,
}
