namespace Strata.Templates.Model;

/// <summary>
/// Rule ids of structural findings made while building the <see cref="Template"/> model (cfn-lint's
/// numbers, same meanings).
/// </summary>
public static class ModelRules
{
    /// <summary>The template root or a section has the wrong shape (e.g. <c>Resources</c> is a list).</summary>
    public const string TemplateStructure = "E1001";

    /// <summary><c>Description</c> is not a string.</summary>
    public const string DescriptionNotString = "E1004";

    /// <summary><c>Transform</c> is neither a name, a list of names nor <c>{Name, Parameters}</c> objects.</summary>
    public const string TransformStructure = "E1005";

    /// <summary>
    /// A transform Strata does not apply itself (SAM, macros, <c>AWS::Include</c>): the template is checked
    /// as written, before the transform. Strata's own id (info).
    /// </summary>
    public const string CheckedBeforeTransform = "I1005";

    /// <summary>A rule in <c>Rules</c> has the wrong shape.</summary>
    public const string RuleStructure = "E1700";

    /// <summary>A parameter declaration has the wrong shape (not a mapping, no Type, a constraint of the wrong type).</summary>
    public const string ParameterStructure = "E2001";

    /// <summary>A parameter's Type is not one CloudFormation accepts.</summary>
    public const string UnsupportedParameterType = "E2002";

    /// <summary>A resource declaration has the wrong shape (not a mapping, no Type, Properties not a mapping...).</summary>
    public const string ResourceStructure = "E3001";

    /// <summary><c>DependsOn</c> is neither a name nor a list of names.</summary>
    public const string DependsOnStructure = "E3005";

    /// <summary>An output has the wrong shape (not a mapping, no Value, Export without Name).</summary>
    public const string OutputStructure = "E6001";

    /// <summary>An output lacks its Value.</summary>
    public const string OutputMissingValue = "E6002";

    /// <summary>A mapping is not a two-level mapping of mappings.</summary>
    public const string MappingStructure = "E7001";

    /// <summary>A condition declaration has the wrong shape.</summary>
    public const string ConditionStructure = "E8001";
}
