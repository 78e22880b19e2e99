using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>One rule the validator can report: its stable id, default severity and what it checks.</summary>
public sealed record RuleDescriptor(string Id, Severity Severity, string Description);

/// <summary>
/// The stable ids of validation findings. Where cfn-lint 1.51 has a rule with the same meaning its number is
/// used, so that suppressions and habits carry over; Strata's own rules use the 9xxx range, which cfn-lint
/// leaves to custom rules and therefore never assigns itself. Ids of findings made by the components the
/// validator runs (model builder, functions, parameter resolver) are theirs and listed in <see cref="All"/>.
/// </summary>
public static class ValidationRules
{
    public const string InternalError = "E0002";
    public const string TemplateStructure = "E1001";
    public const string TemplateSize = "E1002";
    public const string TemplateSizeApproaching = "I1002";
    public const string DescriptionLength = "E1003";

    // The functions own these ids; the validator's reference and value-shape rules report under them too,
    // so they are aliases rather than a second copy of the numbers.
    public const string GetAtt = FunctionRules.GetAtt;
    public const string FindInMap = FunctionRules.FindInMap;
    public const string GetAzs = FunctionRules.GetAZs;
    public const string ImportValue = FunctionRules.ImportValue;
    public const string Select = FunctionRules.Select;
    public const string Split = FunctionRules.Split;
    public const string Sub = FunctionRules.Sub;
    public const string Ref = FunctionRules.Ref;
    public const string Base64 = FunctionRules.Base64;
    public const string Join = FunctionRules.Join;
    public const string Cidr = FunctionRules.Cidr;
    public const string Length = FunctionRules.Length;
    public const string ToJsonString = FunctionRules.ToJsonString;

    public const string ParameterLimit = "E2010";
    public const string ParameterLimitApproaching = "I2010";
    public const string ResourceConfiguration = "E3001";
    public const string UnknownProperty = "E3002";
    public const string RequiredProperty = "E3003";
    public const string DependencyCycle = "E3004";
    public const string DependsOn = "E3005";
    public const string ResourceType = "E3006";
    public const string ResourceLimit = "E3010";
    public const string ResourceLimitApproaching = "I3010";
    public const string PropertyType = "E3012";
    public const string ResourceCondition = "E3015";
    public const string PackagedProperty = "W3002";
    public const string AllowedValue = "E3030";
    public const string DeletionPolicy = "E3035";
    public const string UpdateReplacePolicy = "E3036";
    public const string OutputCondition = "E6005";
    public const string OutputLimit = "E6010";
    public const string OutputLimitApproaching = "I6010";
    public const string MappingLimit = "E7010";
    public const string MappingLimitApproaching = "I7010";
    public const string ConditionUndefined = FunctionRules.ConditionNotFound;
    public const string ConditionUnused = "W8001";

    /// <summary>Strata: conditions that refer to each other in a loop can never be evaluated.</summary>
    public const string CircularCondition = "E9010";

    /// <summary>Strata: the template is too large to send inline (TemplateBody) and must be uploaded to S3.</summary>
    public const string InlineTemplateSize = "I9001";

    /// <summary>Every rule the validator can report (its own and its components'), for listings and SARIF rule metadata.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(SyntaxRules.ParseError, Severity.Error, "The file is readable JSON or YAML within Strata's limits"),
        new(InternalError, Severity.Error, "A validation rule failed unexpectedly; the other rules still ran"),
        new(TemplateStructure, Severity.Error, "The template is a mapping of known sections of the right shapes, with Resources and the one format version"),
        new(TemplateSize, Severity.Error, "The template is not larger than CloudFormation accepts (1,000,000 bytes)"),
        new(TemplateSizeApproaching, Severity.Info, "The template size is approaching CloudFormation's limit"),
        new(DescriptionLength, Severity.Error, "The template description is at most 1,024 bytes"),
        new(ModelRules.DescriptionNotString, Severity.Error, "The template description is a string"),
        new(ModelRules.TransformStructure, Severity.Error, "Transform is a name, a list of names, or macros with a Name"),
        new(ModelRules.CheckedBeforeTransform, Severity.Info, "A SAM or macro transform runs after these checks; the template was checked as written"),
        new(GetAtt, Severity.Error, "Fn::GetAtt names an existing resource and one of its attributes, where that value fits"),
        new(FindInMap, Severity.Error, "Fn::FindInMap is well formed"),
        new(GetAzs, Severity.Error, "Fn::GetAZs is well formed and used where a list fits"),
        new(ImportValue, Severity.Error, "Fn::ImportValue is well formed and used where a single value fits"),
        new(Select, Severity.Error, "Fn::Select is well formed"),
        new(Split, Severity.Error, "Fn::Split is well formed and used where a list fits"),
        new(Sub, Severity.Error, "Fn::Sub is well formed; its variables name parameters, resources, attributes or pseudo parameters"),
        new(Ref, Severity.Error, "Ref names a parameter, resource or pseudo parameter, where its value fits"),
        new(Base64, Severity.Error, "Fn::Base64 is well formed and used where a single value fits"),
        new(Join, Severity.Error, "Fn::Join is well formed and used where a single value fits"),
        new(Cidr, Severity.Error, "Fn::Cidr is well formed and used where a list fits"),
        new(FunctionRules.If, Severity.Error, "Fn::If is well formed"),
        new(Length, Severity.Error, "Fn::Length is well formed"),
        new(ToJsonString, Severity.Error, "Fn::ToJsonString is well formed"),
        new(FunctionRules.ForEach, Severity.Error, "Fn::ForEach is well formed and can be expanded"),
        new(FunctionRules.ExcludedResource, Severity.Error, "A reference does not point at a resource its condition leaves out"),
        new(ModelRules.RuleStructure, Severity.Error, "Rules are mappings of RuleCondition and Assertions"),
        new(FunctionRules.RuleFunction, Severity.Error, "Rule functions are well formed and used only in Rules"),
        new(ModelRules.ParameterStructure, Severity.Error, "Parameters are mappings with a Type and constraints of the right types"),
        new(ModelRules.UnsupportedParameterType, Severity.Error, "Parameter types are ones CloudFormation supports"),
        new(ParameterLimit, Severity.Error, "At most 200 parameters"),
        new(ParameterLimitApproaching, Severity.Info, "The number of parameters is approaching 200"),
        new(ParameterRules.DefaultViolatesConstraints, Severity.Error, "A parameter's Default meets its own constraints"),
        new(ParameterRules.NotAllowedValue, Severity.Error, "A supplied parameter value is one of its AllowedValues"),
        new(ParameterRules.PatternMismatch, Severity.Error, "A supplied parameter value matches its AllowedPattern"),
        new(ParameterRules.LengthOutOfRange, Severity.Error, "A supplied parameter value respects MinLength and MaxLength"),
        new(ParameterRules.ValueOutOfRange, Severity.Error, "A supplied number respects MinValue and MaxValue"),
        new(ParameterRules.NotANumber, Severity.Error, "A supplied Number value is a number"),
        new(ParameterRules.InvalidAwsValue, Severity.Error, "A supplied value of an AWS-specific parameter type has that type's format"),
        new(ParameterRules.MissingValue, Severity.Error, "Once values are supplied, every parameter without a Default has one"),
        new(ParameterRules.UndeclaredParameter, Severity.Error, "Supplied values are for parameters the template declares"),
        new(ParameterRules.InvalidPattern, Severity.Info, "AllowedPattern is a valid regular expression"),
        new(ResourceConfiguration, Severity.Error, "A resource is a mapping with a Type, an alphanumeric name and only known attributes"),
        new(UnknownProperty, Severity.Error, "Resource properties exist in the resource type's specification"),
        new(RequiredProperty, Severity.Error, "Required resource properties are present (custom resources: ServiceToken)"),
        new(PackagedProperty, Severity.Warning, "A local path where 'aws cloudformation package' uploads code works only after packaging"),
        new(DependencyCycle, Severity.Error, "Resources do not depend on each other in a cycle"),
        new(DependsOn, Severity.Error, "DependsOn names other resources of the template"),
        new(ResourceType, Severity.Error, "The resource type exists in the specification"),
        new(ResourceLimit, Severity.Error, "At most 500 resources"),
        new(ResourceLimitApproaching, Severity.Info, "The number of resources is approaching 500"),
        new(PropertyType, Severity.Error, "Property values have the type the specification gives"),
        new(ResourceCondition, Severity.Error, "A resource's Condition names a defined condition"),
        new(AllowedValue, Severity.Error, "Property values are among the specification's allowed values"),
        new(DeletionPolicy, Severity.Error, "DeletionPolicy is Delete, Retain, RetainExceptOnCreate or Snapshot"),
        new(UpdateReplacePolicy, Severity.Error, "UpdateReplacePolicy is Delete, Retain or Snapshot"),
        new(ModelRules.OutputStructure, Severity.Error, "Outputs are mappings with a Value and known keys"),
        new(ModelRules.OutputMissingValue, Severity.Error, "Every output has a Value"),
        new(OutputCondition, Severity.Error, "An output's Condition names a defined condition"),
        new(OutputLimit, Severity.Error, "At most 200 outputs"),
        new(OutputLimitApproaching, Severity.Info, "The number of outputs is approaching 200"),
        new(ModelRules.MappingStructure, Severity.Error, "Mappings are two-level mappings"),
        new(MappingLimit, Severity.Error, "At most 200 mappings"),
        new(MappingLimitApproaching, Severity.Info, "The number of mappings is approaching 200"),
        new(ModelRules.ConditionStructure, Severity.Error, "Conditions are condition functions"),
        new(ConditionUndefined, Severity.Error, "Conditions used by Fn::If and Condition are defined"),
        new(FunctionRules.Equals, Severity.Error, "Fn::Equals is well formed"),
        new(FunctionRules.And, Severity.Error, "Fn::And is well formed"),
        new(FunctionRules.Not, Severity.Error, "Fn::Not is well formed"),
        new(FunctionRules.Or, Severity.Error, "Fn::Or is well formed"),
        new(FunctionRules.Condition, Severity.Error, "The Condition function is well formed"),
        new(ConditionUnused, Severity.Warning, "Every defined condition is used"),
        new(CircularCondition, Severity.Error, "Conditions do not refer to each other in a cycle"),
        new(InlineTemplateSize, Severity.Info, "Templates over 51,200 bytes must be uploaded to S3 rather than sent inline"),
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById = All
        .GroupBy(r => r.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The descriptor of a rule id, or null for an id the validator does not know.</summary>
    public static RuleDescriptor? Describe(string id) => ById.GetValueOrDefault(id);
}
