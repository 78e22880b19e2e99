using System.Text;
using System.Text.Json;

namespace Strata.Server.Tests.Support;

/// <summary>What cfn-signal does over HTTP, and reading the answers.</summary>
internal static class CfnSignal
{
    public static string Body(string status, string uniqueId, string? reason = null, string? data = null) =>
        JsonSerializer.Serialize(new { Status = status, Reason = reason, UniqueId = uniqueId, Data = data });

    /// <summary>PUT of a cfn-signal body to a presigned URL, with no content type (as cfn-signal sends it).</summary>
    public static async Task<HttpResponseMessage> PutAsync(HttpClient http, string url, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = null;
        return await http.PutAsync(url, content);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
