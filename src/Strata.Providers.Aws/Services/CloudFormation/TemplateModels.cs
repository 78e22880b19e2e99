namespace Strata.Providers.Aws.Services.CloudFormation;

public sealed record GetTemplateRequest
{
    public string? StackName { get; init; }
    public string? ChangeSetName { get; init; }

    /// <summary>Original | Processed (after transforms).</summary>
    public string? TemplateStage { get; init; }
}

public sealed record GetTemplateResponse(string TemplateBody, IReadOnlyList<string> StagesAvailable);

public sealed record ValidateTemplateRequest
{
    public string? TemplateBody { get; init; }
    public string? TemplateUrl { get; init; }

    public static ValidateTemplateRequest FromBody(string templateBody) => new() { TemplateBody = templateBody };

    public static ValidateTemplateRequest FromUrl(string templateUrl) => new() { TemplateUrl = templateUrl };
}

public sealed record ValidateTemplateResponse
{
    public IReadOnlyList<TemplateParameter> Parameters { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public string? CapabilitiesReason { get; init; }
    public IReadOnlyList<string> DeclaredTransforms { get; init; } = [];
}

public sealed record TemplateParameter(string ParameterKey)
{
    public string? DefaultValue { get; init; }
    public bool? NoEcho { get; init; }
    public string? Description { get; init; }
}
