using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// Namespace-agnostic reading of AWS XML: every AWS service uses its own namespace and some none,
/// so elements are matched by local name.
/// </summary>
public static class XmlExtensions
{
    public static XDocument ParseXml(byte[] body, string what)
    {
        try
        {
            using var stream = new MemoryStream(body);
            return XDocument.Load(stream);
        }
        catch (XmlException e)
        {
            throw new AwsProtocolException($"{what} returned a response that is not XML: {e.Message}", e);
        }
    }

    public static XElement? Child(this XElement? element, string localName) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? Text(this XElement? element, string localName) => element.Child(localName)?.Value;

    /// <summary>The items of a list element: <c>&lt;Stacks&gt;&lt;member&gt;</c> (Query) or <c>&lt;reservationSet&gt;&lt;item&gt;</c> (EC2).</summary>
    public static IEnumerable<XElement> Items(this XElement? element, string listName) =>
        element.Child(listName)?.Elements() ?? [];

    public static IReadOnlyList<string> Strings(this XElement? element, string listName) =>
        element.Items(listName).Select(e => e.Value).ToList();

    public static bool? Bool(this XElement? element, string localName) =>
        element.Text(localName) is { } text ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) : null;

    public static int? Int(this XElement? element, string localName) =>
        element.Text(localName) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static long? Long(this XElement? element, string localName) =>
        element.Text(localName) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static DateTimeOffset? Date(this XElement? element, string localName) =>
        element.Text(localName) is { } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>A next-page token or marker, with "" read as "no more pages".</summary>
    public static string? NextToken(this XElement? element, string localName) =>
        element.Text(localName) is { Length: > 0 } token ? token : null;

    /// <summary>The root's first descendant with this local name (e.g. <c>RequestId</c>, wherever it sits).</summary>
    public static string? Find(this XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
