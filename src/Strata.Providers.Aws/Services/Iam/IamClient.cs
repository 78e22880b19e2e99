using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Iam;

/// <summary>AWS IAM: the policy simulator, which the pre-flight uses to ask "may this principal do what the template needs?".</summary>
public sealed class IamClient(AwsClientContext context)
{
    private readonly QueryProtocolClient _query = new(context, AwsServices.Iam);

    public AwsServicePipeline Pipeline => _query.Pipeline;

    public async Task<SimulatePrincipalPolicyResponse> SimulatePrincipalPolicyAsync(SimulatePrincipalPolicyRequest request,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("PolicySourceArn", request.PolicySourceArn)
            .AddList("ActionNames", request.ActionNames)
            .AddList("ResourceArns", request.ResourceArns)
            .AddList("PolicyInputList", request.PolicyInputList)
            .AddList("ContextEntries", request.ContextEntries, (q, prefix, entry) => q
                .Add(prefix + ".ContextKeyName", entry.ContextKeyName)
                .AddList(prefix + ".ContextKeyValues", entry.ContextKeyValues)
                .Add(prefix + ".ContextKeyType", entry.ContextKeyType))
            .Add("CallerArn", request.CallerArn)
            .Add("MaxItems", request.MaxItems)
            .Add("Marker", request.Marker);
        var result = (await _query.InvokeAsync("SimulatePrincipalPolicy", p, cancellationToken).ConfigureAwait(false)).Result;
        var truncated = result.Bool("IsTruncated") ?? false;
        var marker = result.Text("Marker");
        return new SimulatePrincipalPolicyResponse(result.Items("EvaluationResults").Select(Evaluation).ToList(), truncated,
            truncated && !string.IsNullOrEmpty(marker) ? marker : null);
    }

    /// <summary>Every evaluation result, following Marker while IsTruncated.</summary>
    public IAsyncEnumerable<EvaluationResult> SimulateAllAsync(SimulatePrincipalPolicyRequest request, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((marker, ct) => SimulatePrincipalPolicyAsync(request with { Marker = marker }, ct),
            page => page.Marker, page => page.EvaluationResults, cancellationToken);

    private static EvaluationResult Evaluation(XElement e) => new()
    {
        EvalActionName = e.Text("EvalActionName") ?? "",
        EvalResourceName = e.Text("EvalResourceName"),
        EvalDecision = e.Text("EvalDecision") ?? "",
        MatchedStatements = e.Items("MatchedStatements").Select(s => new MatchedStatement(
            s.Text("SourcePolicyId"), s.Text("SourcePolicyType"), Position(s.Child("StartPosition")), Position(s.Child("EndPosition")))).ToList(),
        MissingContextValues = e.Strings("MissingContextValues"),
        AllowedByOrganizations = e.Child("OrganizationsDecisionDetail").Bool("AllowedByOrganizations"),
    };

    private static StatementPosition? Position(XElement? e) =>
        e is null ? null : new StatementPosition(e.Int("Line") ?? 0, e.Int("Column") ?? 0);
}
