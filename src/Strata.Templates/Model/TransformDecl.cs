using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>One entry of the template's Transform section (a name, or a macro with parameters).</summary>
public sealed record TransformDecl(string Name, MappingNode? Parameters, TemplateNode Node)
{
    public const string LanguageExtensions = "AWS::LanguageExtensions";
    public const string Serverless = "AWS::Serverless-2016-10-31";
    public const string Include = "AWS::Include";
}
