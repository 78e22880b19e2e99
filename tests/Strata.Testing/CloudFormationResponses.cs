using System.Xml.Linq;

namespace Strata.Testing;

/// <summary>
/// CloudFormation's Query-protocol answers in the XML shapes of AWS's API reference, as raw HTTP responses for a
/// <see cref="LoopbackHttpServer"/> that plays CloudFormation where moto cannot.
/// </summary>
public static class CloudFormationResponses
{
    public static readonly XNamespace Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    /// <summary>HTTP 200: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;content&lt;/…&gt;</c> with a request id.</summary>
    public static byte[] Ok(string action, params object?[] content) =>
        LoopbackHttpServer.Response(200, "OK", "text/xml", new XElement(Ns + action + "Response",
            new XElement(Ns + action + "Result", content),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))).ToString());

    /// <summary>HTTP 400: a Sender error with <paramref name="code"/> (ValidationError, ...) and <paramref name="message"/>.</summary>
    public static byte[] Error(string code, string message) =>
        LoopbackHttpServer.Response(400, "Bad Request", "text/xml", new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", "Sender"), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid().ToString())).ToString());
}
