using System.Text;
using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.CustomResources;

/// <summary>
/// Delivers custom resource requests as CloudFormation does: to a Lambda function as an asynchronous invocation
/// (<c>Invoke</c> with <c>X-Amz-Invocation-Type: Event</c>, the request as the event), or to an SNS topic as the
/// message of a <c>Publish</c>. Each goes to the region in the ARN, with the credentials and endpoints of the context.
/// </summary>
public sealed class AwsCustomResourceTransport(AwsClientContext context) : ICustomResourceTransport
{
    public string? Refuse(string serviceToken) => ServiceTokenArn.TryParse(serviceToken, out var problem) is null ? problem : null;

    public Task DeliverAsync(string serviceToken, JsonObject request, CancellationToken cancellationToken)
    {
        var target = ServiceTokenArn.TryParse(serviceToken, out var problem) ?? throw new ArgumentException(problem, nameof(serviceToken));
        var regional = target.Region == context.Region ? context : context.WithRegion(target.Region);
        var body = request.ToJsonString();
        return target.Kind == ServiceTokenKind.LambdaFunction
            ? InvokeAsync(regional, target.Arn, body, cancellationToken)
            : PublishAsync(regional, target.Arn, body, cancellationToken);
    }

    private static async Task InvokeAsync(AwsClientContext context, string functionArn, string body, CancellationToken cancellationToken)
    {
        var pipeline = new AwsServicePipeline(context, AwsServices.Lambda);
        var request = new AwsHttpRequest
        {
            Method = HttpMethod.Post,
            Path = $"/2015-03-31/functions/{AwsUriEncoding.Encode(functionArn)}/invocations",
            Body = Encoding.UTF8.GetBytes(body),
            ContentType = "application/json",
        };
        // Event: queued for the function and answered 202 at once; the function answers CloudFormation-style, on the ResponseURL.
        request.Headers.Add(new("X-Amz-Invocation-Type", "Event"));
        await pipeline.SendAsync("Invoke", request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task PublishAsync(AwsClientContext context, string topicArn, string body, CancellationToken cancellationToken)
    {
        var client = new QueryProtocolClient(context, AwsServices.Sns);
        var parameters = client.NewParameters().Add("TopicArn", topicArn).Add("Message", body);
        await client.InvokeAsync("Publish", parameters, cancellationToken).ConfigureAwait(false);
    }
}
