using System.Text;
using System.Xml.Linq;
using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.Protocol;

/// <summary>The result element of a Query/EC2 response, and the request id AWS gave it.</summary>
public sealed record QueryResponse(XElement Result, string? RequestId);

/// <summary>
/// AWS Query and EC2 protocols: form-encoded POST of <c>Action</c>, <c>Version</c> and the parameters; XML back.
/// </summary>
public sealed class QueryProtocolClient
{
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public QueryProtocolClient(AwsClientContext context, ServiceDescriptor service)
    {
        if (service.Protocol is not (AwsProtocol.Query or AwsProtocol.Ec2Query) || service.ApiVersion is null)
            throw new ArgumentException($"{service.ServiceId} does not speak the Query protocol with an API version.", nameof(service));
        Pipeline = new AwsServicePipeline(context, service);
    }

    public AwsServicePipeline Pipeline { get; }

    public QueryParameters NewParameters() => new(Pipeline.Service.Protocol);

    public async Task<QueryResponse> InvokeAsync(string action, QueryParameters? parameters, CancellationToken cancellationToken)
    {
        var service = Pipeline.Service;
        var form = $"Action={AwsUriEncoding.Encode(action)}&Version={AwsUriEncoding.Encode(service.ApiVersion!)}";
        if (parameters is { Items.Count: > 0 }) form += "&" + parameters.ToFormString();
        var request = new AwsHttpRequest
        {
            Method = HttpMethod.Post,
            Path = "/",
            Body = Encoding.UTF8.GetBytes(form),
            ContentType = FormContentType,
        };
        var response = await Pipeline.SendAsync(action, request, cancellationToken).ConfigureAwait(false);
        var document = XmlExtensions.ParseXml(response.Body, $"{service.ServiceId} {action}");
        var root = document.Root ?? throw new AwsProtocolException($"{service.ServiceId} {action} returned an empty XML document.");
        // Query wraps the output in <ActionResult>; EC2 puts it directly under the root. Actions without
        // output (DeleteStack) have no result element at all.
        var result = service.Protocol == AwsProtocol.Ec2Query ? root : root.Child(action + "Result") ?? new XElement(action + "Result");
        var requestId = document.Find("RequestId") ?? document.Find("requestId") ?? response.RequestIdHeader;
        return new QueryResponse(result, requestId);
    }
}
