using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.CloudFormation;

/// <summary>Stack state, events, resources, deletion and recovery.</summary>
public sealed partial class CloudFormationClient
{
    /// <summary>One page; <paramref name="stackName"/> null lists every stack (except deleted ones).</summary>
    public async Task<DescribeStacksResponse> DescribeStacksAsync(string? stackName = null, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("StackName", stackName).Add("NextToken", nextToken);
        var result = (await _query.InvokeAsync("DescribeStacks", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeStacksResponse(result.Items("Stacks").Select(CloudFormationXml.Stack).ToList(),
            result.NextToken("NextToken"));
    }

    public IAsyncEnumerable<Stack> DescribeAllStacksAsync(CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => DescribeStacksAsync(null, token, ct), page => page.NextToken, page => page.Stacks,
            cancellationToken);

    /// <summary>The stack, or null when CloudFormation says it does not exist.</summary>
    public async Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeStacksAsync(stackName, null, cancellationToken).ConfigureAwait(false);
            return response.Stacks.FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.Code == "ValidationError" && e.ErrorMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>One page of events, newest first (CloudFormation's order).</summary>
    public async Task<DescribeStackEventsResponse> DescribeStackEventsAsync(string stackName, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("StackName", stackName).Add("NextToken", nextToken);
        var result = (await _query.InvokeAsync("DescribeStackEvents", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeStackEventsResponse(result.Items("StackEvents").Select(CloudFormationXml.Event).ToList(),
            result.NextToken("NextToken"));
    }

    /// <summary>Every event of the stack, newest first, following NextToken.</summary>
    public IAsyncEnumerable<StackEvent> DescribeAllStackEventsAsync(string stackName, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => DescribeStackEventsAsync(stackName, token, ct), page => page.NextToken,
            page => page.StackEvents, cancellationToken);

    /// <summary>
    /// The events that happened after <paramref name="lastSeenEventId"/>, oldest first and without
    /// duplicates: for tracking a deployment incrementally. Pages are read only until the last seen event
    /// shows up; null reads the whole log. (CloudFormation keeps a stack's whole event log, so the last seen
    /// event is found unless it belongs to another stack; then every event is returned.)
    /// </summary>
    public async Task<IReadOnlyList<StackEvent>> DescribeStackEventsSinceAsync(string stackName, string? lastSeenEventId,
        CancellationToken cancellationToken = default)
    {
        var newer = new List<StackEvent>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stackEvent in DescribeAllStackEventsAsync(stackName, cancellationToken).ConfigureAwait(false))
        {
            if (stackEvent.EventId == lastSeenEventId) break;
            if (ids.Add(stackEvent.EventId)) newer.Add(stackEvent);
        }
        newer.Reverse();
        return newer;
    }

    public async Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, string? logicalResourceId = null,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("StackName", stackName).Add("LogicalResourceId", logicalResourceId);
        var result = (await _query.InvokeAsync("DescribeStackResources", p, cancellationToken).ConfigureAwait(false)).Result;
        return result.Items("StackResources").Select(CloudFormationXml.Resource).ToList();
    }

    public async Task<ListStackResourcesResponse> ListStackResourcesAsync(string stackName, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("StackName", stackName).Add("NextToken", nextToken);
        var result = (await _query.InvokeAsync("ListStackResources", p, cancellationToken).ConfigureAwait(false)).Result;
        return new ListStackResourcesResponse(result.Items("StackResourceSummaries").Select(CloudFormationXml.ResourceSummary).ToList(),
            result.NextToken("NextToken"));
    }

    public IAsyncEnumerable<StackResourceSummary> ListAllStackResourcesAsync(string stackName, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => ListStackResourcesAsync(stackName, token, ct), page => page.NextToken,
            page => page.Summaries, cancellationToken);

    public async Task DeleteStackAsync(DeleteStackRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("StackName", request.StackName)
            .AddList("RetainResources", request.RetainResources)
            .Add("RoleARN", request.RoleArn)
            .Add("ClientRequestToken", request.ClientRequestToken);
        await _query.InvokeAsync("DeleteStack", p, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelUpdateStackAsync(CancelUpdateStackRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("StackName", request.StackName).Add("ClientRequestToken", request.ClientRequestToken);
        await _query.InvokeAsync("CancelUpdateStack", p, cancellationToken).ConfigureAwait(false);
    }

    public async Task ContinueUpdateRollbackAsync(ContinueUpdateRollbackRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("StackName", request.StackName)
            .Add("RoleARN", request.RoleArn)
            .AddList("ResourcesToSkip", request.ResourcesToSkip)
            .Add("ClientRequestToken", request.ClientRequestToken);
        await _query.InvokeAsync("ContinueUpdateRollback", p, cancellationToken).ConfigureAwait(false);
    }
}
