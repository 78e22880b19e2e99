namespace Strata.Templates.Model;

/// <summary>The top-level sections of a template, and where in them an expression sits.</summary>
public enum TemplateSection
{
    None,
    Metadata,
    Parameters,
    Rules,
    Mappings,
    Conditions,
    Transform,
    Resources,
    Outputs,
}

public static class TemplateSectionNames
{
    public const string FormatVersion = "AWSTemplateFormatVersion";
    public const string Description = "Description";
    public const string Metadata = "Metadata";
    public const string Parameters = "Parameters";
    public const string Rules = "Rules";
    public const string Mappings = "Mappings";
    public const string Conditions = "Conditions";
    public const string Transform = "Transform";
    public const string Resources = "Resources";
    public const string Outputs = "Outputs";
    public const string Hooks = "Hooks";

    /// <summary>Every section CloudFormation accepts at the top level.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        FormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources, Outputs, Hooks,
    };
}
