using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.CloudFormation;

/// <summary>
/// The CloudFormation calls a <c>--provider cloudformation</c> deployment needs: change sets (plan, then
/// execute), stack state, the event log (incremental), resources, deletion and recovery.
/// </summary>
public sealed partial class CloudFormationClient(AwsClientContext context)
{
    private readonly QueryProtocolClient _query = new(context, AwsServices.CloudFormation);

    public AwsServicePipeline Pipeline => _query.Pipeline;

    public async Task<CreateChangeSetResponse> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("StackName", request.StackName)
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("TemplateBody", request.TemplateBody)
            .Add("TemplateURL", request.TemplateUrl)
            .Add("UsePreviousTemplate", request.UsePreviousTemplate)
            .AddList("Parameters", request.Parameters, AddParameter)
            .AddList("Capabilities", request.Capabilities)
            .AddList("Tags", request.Tags, AddTag)
            .Add("ChangeSetType", request.ChangeSetType)
            .Add("Description", request.Description)
            .Add("RoleARN", request.RoleArn)
            .AddList("NotificationARNs", request.NotificationArns)
            .Add("ClientToken", request.ClientToken)
            .Add("IncludeNestedStacks", request.IncludeNestedStacks)
            .Add("OnStackFailure", request.OnStackFailure);
        var result = (await _query.InvokeAsync("CreateChangeSet", p, cancellationToken).ConfigureAwait(false)).Result;
        return new CreateChangeSetResponse(result.Text("Id") ?? "", result.Text("StackId") ?? "");
    }

    /// <summary>One page of a change set's changes; see <see cref="DescribeChangeSetAllChangesAsync"/>.</summary>
    public async Task<ChangeSetDescription> DescribeChangeSetAsync(DescribeChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("StackName", request.StackName)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeChangeSet", p, cancellationToken).ConfigureAwait(false)).Result;
        return CloudFormationXml.ChangeSet(result);
    }

    /// <summary>The change set with the changes of every page.</summary>
    public async Task<ChangeSetDescription> DescribeChangeSetAllChangesAsync(string changeSetName, string? stackName = null,
        CancellationToken cancellationToken = default)
    {
        ChangeSetDescription? first = null;
        var changes = new List<ResourceChange>();
        var pages = Paginator.PagesAsync(
            (token, ct) => DescribeChangeSetAsync(new DescribeChangeSetRequest(changeSetName) { StackName = stackName, NextToken = token }, ct),
            page => page.NextToken, cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            first ??= page;
            changes.AddRange(page.Changes);
        }
        return first! with { Changes = changes, NextToken = null };
    }

    public async Task ExecuteChangeSetAsync(ExecuteChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("StackName", request.StackName)
            .Add("ClientRequestToken", request.ClientRequestToken)
            .Add("DisableRollback", request.DisableRollback)
            .Add("RetainExceptOnCreate", request.RetainExceptOnCreate);
        await _query.InvokeAsync("ExecuteChangeSet", p, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteChangeSetAsync(DeleteChangeSetRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("ChangeSetName", request.ChangeSetName).Add("StackName", request.StackName);
        await _query.InvokeAsync("DeleteChangeSet", p, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GetTemplateResponse> GetTemplateAsync(GetTemplateRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("StackName", request.StackName)
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("TemplateStage", request.TemplateStage);
        var result = (await _query.InvokeAsync("GetTemplate", p, cancellationToken).ConfigureAwait(false)).Result;
        return new GetTemplateResponse(result.Text("TemplateBody") ?? "", result.Strings("StagesAvailable"));
    }

    public async Task<ValidateTemplateResponse> ValidateTemplateAsync(ValidateTemplateRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("TemplateBody", request.TemplateBody).Add("TemplateURL", request.TemplateUrl);
        var result = (await _query.InvokeAsync("ValidateTemplate", p, cancellationToken).ConfigureAwait(false)).Result;
        return CloudFormationXml.Validation(result);
    }

    private static void AddParameter(QueryParameters p, string prefix, StackParameter parameter) =>
        p.Add(prefix + ".ParameterKey", parameter.Key)
            .Add(prefix + ".ParameterValue", parameter.Value)
            .Add(prefix + ".UsePreviousValue", parameter.UsePreviousValue);

    private static void AddTag(QueryParameters p, string prefix, AwsTag tag) =>
        p.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value);
}
