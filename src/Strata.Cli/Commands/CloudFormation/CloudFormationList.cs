using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Cli.Infrastructure;
using Strata.Providers.Aws;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>The CloudFormation-mode stacks of <c>ls</c>: those Strata deployed from this data directory.</summary>
public static class CloudFormationList
{
    /// <summary>
    /// Each recorded stack with CloudFormation's current status. AWS is asked only when there are records, so <c>ls</c>
    /// needs no AWS settings for a sandbox-only directory; when AWS cannot be asked, the recorded status is shown and a
    /// warning says so, rather than hiding the engine's stacks behind an error.
    /// </summary>
    public static async Task<IReadOnlyList<CloudFormationStackView>> ListAsync(CliContext context, string data, bool includeDeleted,
        CancellationToken cancellationToken)
    {
        var records = await new CloudFormationRecordStore(data).ListAsync(cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            return [];
        }
        try
        {
            return await CloudFormationHost.Open(data).ListAsync(includeDeleted, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsException e)
        {
            await context.Error.WriteLineAsync(
                "strata: warning: CloudFormation stacks show their last recorded status; " + e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return records.Where(r => includeDeleted || !r.IsDeleted).Select(r => new CloudFormationStackView
            {
                StackName = r.StackName, StackId = r.StackId, Status = r.Status, StatusReason = r.StatusReason, RootCause = r.RootCause,
                Tags = r.Tags, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt, ExpiresAt = r.ExpiresAt,
            }).ToList();
        }
    }

    /// <summary>An entry of <c>ls --format json</c>, in the engine's entry shape.</summary>
    public static JsonObject Json(CloudFormationStackView view) => new()
    {
        ["name"] = view.StackName,
        ["stackId"] = view.StackId,
        ["status"] = view.Status,
        ["statusReason"] = view.StatusReason,
        ["provider"] = ProviderNames.CloudFormation,
        ["created"] = Time(view.CreatedAt),
        ["updated"] = Time(view.UpdatedAt),
        ["expiresAt"] = Time(view.ExpiresAt),
        ["rootCause"] = view.RootCause is { } cause ? new JsonObject
        {
            ["logicalId"] = cause.LogicalId,
            ["type"] = cause.Type,
            ["errorCode"] = cause.ErrorCode,
            ["message"] = cause.Message,
        } : null,
    };

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
