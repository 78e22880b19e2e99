using System.Buffers;
using System.Text.Json;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// AWS JSON 1.0 / 1.1: POST of a JSON document to "/", the operation named by <c>X-Amz-Target</c>.
/// Bodies are written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection.
/// </summary>
public sealed class JsonProtocolClient
{
    public JsonProtocolClient(AwsClientContext context, ServiceDescriptor service)
    {
        if (service.Protocol is not (AwsProtocol.Json10 or AwsProtocol.Json11) || service.JsonTargetPrefix is null)
            throw new ArgumentException($"{service.ServiceId} does not speak an AWS JSON protocol with a target prefix.", nameof(service));
        Pipeline = new AwsServicePipeline(context, service);
    }

    public AwsServicePipeline Pipeline { get; }

    public string ContentType => Pipeline.Service.Protocol == AwsProtocol.Json10
        ? "application/x-amz-json-1.0"
        : "application/x-amz-json-1.1";

    /// <param name="writeBody">Writes the members of the request object; null sends <c>{}</c>.</param>
    public Task<JsonDocument> InvokeAsync(string operation, Action<Utf8JsonWriter>? writeBody, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody?.Invoke(writer);
            writer.WriteEndObject();
        }
        return InvokeRawAsync(operation, buffer.WrittenSpan.ToArray(), cancellationToken);
    }

    /// <summary>Sends a ready-made JSON body (e.g. one serialized elsewhere).</summary>
    public async Task<JsonDocument> InvokeRawAsync(string operation, byte[] jsonBody, CancellationToken cancellationToken)
    {
        var request = new AwsHttpRequest
        {
            Method = HttpMethod.Post,
            Path = "/",
            Body = jsonBody,
            ContentType = ContentType,
        };
        request.Headers.Add(new("X-Amz-Target", $"{Pipeline.Service.JsonTargetPrefix}.{operation}"));
        var response = await Pipeline.SendAsync(operation, request, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(response.Body.Length == 0 ? "{}"u8.ToArray() : response.Body);
        }
        catch (JsonException e)
        {
            throw new AwsProtocolException($"{Pipeline.Service.ServiceId} {operation} returned a response that is not JSON: {e.Message}", e);
        }
    }
}
