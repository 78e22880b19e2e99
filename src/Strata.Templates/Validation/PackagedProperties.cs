using System.Collections.Frozen;

namespace Strata.Templates.Validation;

/// <summary>
/// Properties that <c>aws cloudformation package</c> (and <c>sam package</c>) rewrite: a local path written there
/// becomes an S3 location before deployment. Such a string is not a type error, but the template works only
/// after packaging (W3002, as cfn-lint reports it).
/// </summary>
internal static class PackagedProperties
{
    private static readonly FrozenSet<string> Paths = FrozenSet.ToFrozenSet(
    [
        "AWS::ApiGateway::RestApi/BodyS3Location",
        "AWS::Lambda::Function/Code",
        "AWS::Lambda::LayerVersion/Content",
        "AWS::ElasticBeanstalk::ApplicationVersion/SourceBundle",
        "AWS::StepFunctions::StateMachine/DefinitionS3Location",
        "AWS::AppSync::GraphQLSchema/DefinitionS3Location",
        "AWS::AppSync::Resolver/RequestMappingTemplateS3Location",
        "AWS::AppSync::Resolver/ResponseMappingTemplateS3Location",
        "AWS::AppSync::FunctionConfiguration/RequestMappingTemplateS3Location",
        "AWS::AppSync::FunctionConfiguration/ResponseMappingTemplateS3Location",
        "AWS::CloudFormation::Stack/TemplateURL",
    ], StringComparer.Ordinal);

    public static bool IsPackaged(string resourceType, string property) =>
        Paths.Contains(resourceType + "/" + property);

    /// <summary>A value that is already a remote location needs no packaging.</summary>
    public static bool IsRemote(string value) =>
        value.StartsWith("s3://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal);
}
