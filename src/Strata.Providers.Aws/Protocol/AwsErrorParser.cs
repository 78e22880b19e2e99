using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// Turns an error response into an <see cref="AwsServiceException"/> for each protocol's error shape:
/// Query <c>ErrorResponse/Error</c>, EC2 <c>Response/Errors/Error</c>, S3 <c>Error</c>, JSON <c>__type</c>.
/// A body of another shape (a proxy's HTML page, an empty HEAD response) still yields a code from the status.
/// </summary>
public static class AwsErrorParser
{
    public static AwsServiceException Parse(ServiceDescriptor service, string operation, AwsHttpResponse response, string? credentialsNote = null)
    {
        var (code, message, requestId) = service.Protocol is AwsProtocol.Json10 or AwsProtocol.Json11 or AwsProtocol.RestJson
            ? ParseJson(response)
            : ParseXml(response);
        code = string.IsNullOrWhiteSpace(code) ? CodeFromStatus(response.StatusCode) : code.Trim();
        message = string.IsNullOrWhiteSpace(message) ? Snippet(response) : message.Trim();
        requestId ??= response.RequestIdHeader;
        var note = AwsServiceException.IsCredentialsError(code) ? credentialsNote : null;
        return new AwsServiceException(service.ServiceId, operation, code, message, response.StatusCode, requestId, note);
    }

    private static (string? Code, string? Message, string? RequestId) ParseXml(AwsHttpResponse response)
    {
        if (response.Body.Length == 0) return (null, null, null);
        XDocument document;
        try
        {
            using var stream = new MemoryStream(response.Body);
            document = XDocument.Load(stream);
        }
        catch (XmlException)
        {
            return (null, null, null);
        }
        // Query: ErrorResponse/Error; EC2: Response/Errors/Error; S3: Error at the root.
        var error = document.Root?.Name.LocalName == "Error"
            ? document.Root
            : document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var requestId = document.Find("RequestId") ?? document.Find("RequestID");
        return (error.Text("Code"), error.Text("Message"), requestId);
    }

    private static (string? Code, string? Message, string? RequestId) ParseJson(AwsHttpResponse response)
    {
        string? code = response.Header("x-amzn-ErrorType");
        string? message = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.String) continue;
                        if (property.NameEquals("__type") || property.NameEquals("code")) code ??= property.Value.GetString();
                        else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || property.NameEquals("errorMessage"))
                            message ??= property.Value.GetString();
                    }
                }
            }
            catch (JsonException)
            {
            }
        }
        return (SanitizeJsonCode(code), message, null);
    }

    /// <summary>"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" or "Code:http://..." to "Code".</summary>
    public static string? SanitizeJsonCode(string? code)
    {
        if (code is null) return null;
        var colon = code.IndexOf(':');
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    public static string CodeFromStatus(int status) => status switch
    {
        301 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        429 => "TooManyRequestsException",
        500 => "InternalError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => $"Http{status}",
    };

    private static string Snippet(AwsHttpResponse response)
    {
        if (response.Body.Length == 0) return $"HTTP {response.StatusCode} with no error details";
        var text = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 300)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? $"HTTP {response.StatusCode} with no error details" : text;
    }
}
