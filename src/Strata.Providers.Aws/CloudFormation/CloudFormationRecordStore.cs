using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Engine.Model;

namespace Strata.Providers.Aws.CloudFormation;

/// <summary>
/// One JSON file per stack under <c>{data}/cloudformation/</c>. Files are replaced atomically (write, then
/// rename), so a second process (<c>strata events --follow</c>) never reads half a record. Written with
/// <see cref="JsonObject"/> rather than reflection so the CLI starts fast.
/// </summary>
public sealed class CloudFormationRecordStore
{
    public const string FolderName = "cloudformation";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public CloudFormationRecordStore(string dataDirectory) => Folder = Path.Combine(dataDirectory, FolderName);

    public string Folder { get; }

    /// <summary>True when <paramref name="stackName"/> is a CloudFormation-mode stack in this data directory (for the CLI's dispatch).</summary>
    public static bool Tracks(string dataDirectory, string stackName) =>
        StackNames.IsValid(stackName) && File.Exists(Path.Combine(dataDirectory, FolderName, stackName + ".json"));

    public string PathOf(string stackName)
    {
        StackNames.Validate(stackName);
        return Path.Combine(Folder, stackName + ".json");
    }

    public async Task<CloudFormationStackRecord?> GetAsync(string stackName, CancellationToken cancellationToken)
    {
        var path = PathOf(stackName);
        if (!File.Exists(path)) return null;
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        return Parse(text, path);
    }

    public async Task<IReadOnlyList<CloudFormationStackRecord>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder)) return [];
        var records = new List<CloudFormationStackRecord>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (StackNames.IsValid(Path.GetFileNameWithoutExtension(path)) && await GetAsync(Path.GetFileNameWithoutExtension(path), cancellationToken).ConfigureAwait(false) is { } record)
                records.Add(record);
        }
        return records;
    }

    public async Task SaveAsync(CloudFormationStackRecord record, CancellationToken cancellationToken)
    {
        var path = PathOf(record.StackName);
        Directory.CreateDirectory(Folder);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllTextAsync(temporary, ToJson(record).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    internal static JsonObject ToJson(CloudFormationStackRecord r)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in r.Tags) tags[key] = value;
        return new JsonObject
        {
            ["stackName"] = r.StackName,
            ["stackId"] = r.StackId,
            ["region"] = r.Region,
            ["status"] = r.Status,
            ["statusReason"] = r.StatusReason,
            ["rootCause"] = r.RootCause is null ? null : new JsonObject
            {
                ["logicalId"] = r.RootCause.LogicalId,
                ["type"] = r.RootCause.Type,
                ["errorCode"] = r.RootCause.ErrorCode,
                ["message"] = r.RootCause.Message,
            },
            ["createdAt"] = Time(r.CreatedAt),
            ["updatedAt"] = Time(r.UpdatedAt),
            ["ttlSeconds"] = r.TimeToLive is { } ttl ? (long)ttl.TotalSeconds : null,
            ["expiresAt"] = r.ExpiresAt is { } expires ? Time(expires) : null,
            ["lastEventId"] = r.LastEventId,
            ["eventCount"] = r.EventCount,
            ["templateUrl"] = r.TemplateUrl,
            ["lastChangeSetId"] = r.LastChangeSetId,
            ["tags"] = tags,
        };
    }

    internal static CloudFormationStackRecord Parse(string text, string path)
    {
        try
        {
            var o = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("the file is not a JSON object");
            var cause = o["rootCause"] as JsonObject;
            return new CloudFormationStackRecord
            {
                StackName = Required(o, "stackName"),
                StackId = Required(o, "stackId"),
                Region = Required(o, "region"),
                Status = Required(o, "status"),
                StatusReason = (string?)o["statusReason"],
                RootCause = cause is null ? null : new RootCause(Required(cause, "logicalId"), Required(cause, "type"),
                    Required(cause, "errorCode"), Required(cause, "message")),
                CreatedAt = ParseTime(Required(o, "createdAt")),
                UpdatedAt = ParseTime(Required(o, "updatedAt")),
                TimeToLive = (long?)o["ttlSeconds"] is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                ExpiresAt = (string?)o["expiresAt"] is { } expires ? ParseTime(expires) : null,
                LastEventId = (string?)o["lastEventId"],
                EventCount = (long?)o["eventCount"] ?? 0,
                TemplateUrl = (string?)o["templateUrl"],
                LastChangeSetId = (string?)o["lastChangeSetId"],
                Tags = (o["tags"] as JsonObject)?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal)
                       ?? new Dictionary<string, string>(),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new CloudFormationDeploymentException($"{path}: not a readable Strata stack record ({e.Message}); delete the file to forget the stack.", e);
        }
    }

    private static string Required(JsonObject o, string key) =>
        (string?)o[key] is { Length: > 0 } value ? value : throw new FormatException($"key '{key}' is missing or empty");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
