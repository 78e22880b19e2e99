using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Native;

/// <summary>Runs stack operations for nested stacks (the engine itself).</summary>
internal interface INestedStackRunner
{
    Task<OperationResult> UpAsync(UpRequest request, CancellationToken cancellationToken);

    Task<OperationResult> DownAsync(string stackName, CancellationToken cancellationToken);
}

/// <summary>
/// <c>AWS::CloudFormation::Stack</c>: a child stack named <c>PARENT-LOGICALID-SUFFIX</c> built from TemplateURL
/// with Parameters in, its outputs out as <c>Fn::GetAtt X.Outputs.Name</c>, at most
/// <see cref="EngineOptions.MaxNestingDepth"/> levels deep. The suffix comes from the call's client token,
/// so a replayed create (after a crash) resumes the same child instead of starting a second one.
/// </summary>
internal sealed class NestedStackHandler(INestedStackRunner runner) : IResourceHandler
{
    public const string TypeName = "AWS::CloudFormation::Stack";

    public bool HasOwnTimeout => true;

    public async Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        if (action == ProviderAction.Delete)
        {
            if (request.PhysicalId is null)
            {
                return new HandlerResult(ProgressEvent.Succeeded(null, null));
            }
            var deleted = await runner.DownAsync(StackIds.NameOf(request.PhysicalId), cancellationToken).ConfigureAwait(false);
            return deleted.Succeeded || deleted.Outcome == OperationOutcome.NotFound
                ? new HandlerResult(ProgressEvent.Succeeded(request.PhysicalId, null))
                : new HandlerResult(ProgressEvent.Failure(HandlerErrorCode.GeneralServiceException,
                    $"Embedded stack {request.PhysicalId} was not successfully deleted: {string.Join("; ", deleted.Messages)}") with { PhysicalId = request.PhysicalId },
                    deleted.RootCause);
        }

        var depth = run.Settings.Depth + 1;
        if (depth > run.Services.Options.MaxNestingDepth)
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"Nested stacks may be at most {run.Services.Options.MaxNestingDepth} levels deep; {request.LogicalId} would be level {depth}");
        }
        var url = request.DesiredState["TemplateURL"]?.ToString() ?? "";
        if (!TemplateLocator.TryLocate(url, run.Stack.TemplatePath, run.Services.Options.TemplateUrlMappings, out var path, out var error))
        {
            return Fail(HandlerErrorCode.InvalidRequest, error);
        }
        string body;
        try
        {
            body = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return Fail(HandlerErrorCode.InvalidRequest, $"TemplateURL {url}: {ex.Message}");
        }

        var childName = action == ProviderAction.Create ? ChildName(run.Stack.Name, request.LogicalId, request.ClientToken) : StackIds.NameOf(request.PhysicalId!);
        var result = await runner.UpAsync(new UpRequest
        {
            StackName = childName,
            Template = new TemplateSource(body, path),
            Parameters = Parameters(request.DesiredState["Parameters"] as JsonObject),
            DisableRollback = run.Settings.DisableRollback,
            ResourceTimeout = run.Settings.ResourceTimeout,
            MaxParallel = run.Settings.MaxParallel,
            Stop = run.Settings.Stop,
            ParentStackId = run.Stack.StackId,
            Depth = depth,
        }, cancellationToken).ConfigureAwait(false);

        var childId = result.Stack?.StackId;
        if (result.Succeeded && result.Stack is { } child)
        {
            var outputs = new JsonObject();
            foreach (var output in child.Outputs)
            {
                outputs[output.Key] = output.Value;
            }
            return new HandlerResult(ProgressEvent.Succeeded(child.StackId, new JsonObject { ["Outputs"] = outputs }));
        }
        var verb = action == ProviderAction.Create ? "created" : "updated";
        var failure = ProgressEvent.Failure(HandlerErrorCode.GeneralServiceException,
            $"Embedded stack {childId ?? childName} was not successfully {verb}: {string.Join("; ", result.Messages)}") with { PhysicalId = childId };
        return new HandlerResult(failure, result.RootCause);
    }

    /// <summary>CloudFormation's nested-stack naming, with the suffix derived from the client token (stable across a replay).</summary>
    internal static string ChildName(string parent, string logicalId, string clientToken)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientToken));
        var suffix = new StringBuilder(12);
        for (var i = 0; i < 12; i++)
        {
            suffix.Append(alphabet[hash[i] % alphabet.Length]);
        }
        var name = $"{parent}-{logicalId}-{suffix}";
        return name.Length <= 128 ? name : name[..115] + "-" + suffix;
    }

    private static Dictionary<string, string> Parameters(JsonObject? parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters ?? [])
        {
            result[key] = value switch
            {
                JsonArray list => string.Join(",", list.Select(i => i?.ToString() ?? "")),
                null => "",
                _ => value.ToString(),
            };
        }
        return result;
    }

    private static HandlerResult Fail(HandlerErrorCode code, string message) => new(ProgressEvent.Failure(code, message));
}
