using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Strata.Providers.Sandbox.Settings;

/// <summary>
/// Reads <c>sandbox.json</c>. Keys match case-insensitively; an unknown key is an error rather than
/// being ignored, because a misspelt throttle or quota rule silently doing nothing is worse than a
/// refusal to start.
/// </summary>
public static partial class SandboxSettingsLoader
{
    public const string FileName = "sandbox.json";

    private static readonly string[] TopLevelKeys = ["Speed", "Seed", "Region", "AccountId", "Throttle", "Quotas", "Faults"];
    private static readonly string[] ThrottleKeys = ["RequestsPerSecond", "Types"];

    /// <summary>Loads the settings file of a data directory, or the defaults when there is none.</summary>
    /// <exception cref="SandboxSettingsException">The file exists but cannot be read or holds a bad value.</exception>
    public static SandboxSettings LoadFromDirectory(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? LoadFile(path) : new SandboxSettings();
    }

    /// <exception cref="SandboxSettingsException">The file cannot be read or holds a bad value.</exception>
    public static SandboxSettings LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxSettingsException(path, null, $"cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses settings JSON; <paramref name="path"/> only names the source in errors.</summary>
    public static SandboxSettings Parse(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}: " : "";
            throw new SandboxSettingsException(path, null, $"{line}not valid JSON ({FirstSentence(e.Message)})", e);
        }
        if (root is null)
        {
            return new SandboxSettings();
        }
        if (root is not JsonObject obj)
        {
            throw new SandboxSettingsException(path, null, "must hold a JSON object");
        }
        return new Reader(path).Read(obj);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    private sealed class Reader(string path)
    {
        public SandboxSettings Read(JsonObject root)
        {
            var settings = new SandboxSettings();
            foreach (var (rawKey, value) in root)
            {
                var key = Canonical(rawKey, TopLevelKeys, rawKey);
                settings = key switch
                {
                    "Speed" => settings with { Speed = PositiveNumber(value, key) },
                    "Seed" => settings with { Seed = Integer(value, key) },
                    "Region" => settings with { Region = Matching(value, key, RegionPattern(), "a region name such as us-east-1") },
                    "AccountId" => settings with { AccountId = Matching(value, key, AccountPattern(), "a 12-digit account id") },
                    "Throttle" => settings with { Throttle = ReadThrottle(Object(value, key), key) },
                    "Quotas" => settings with { Quotas = ReadQuotas(Object(value, key), key) },
                    _ => settings with { Faults = ReadFaults(Object(value, key), key) },
                };
            }
            return settings;
        }

        private ThrottleSettings ReadThrottle(JsonObject obj, string prefix)
        {
            var throttle = new ThrottleSettings();
            foreach (var (rawKey, value) in obj)
            {
                var key = Canonical(rawKey, ThrottleKeys, $"{prefix}.{rawKey}");
                if (key == "RequestsPerSecond")
                {
                    throttle = throttle with { RequestsPerSecond = PositiveNumber(value, $"{prefix}.{key}") };
                    continue;
                }
                var types = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (typeName, rate) in Object(value, $"{prefix}.{key}"))
                {
                    var typeKey = $"{prefix}.{key}.{typeName}";
                    RequireTypeName(typeName, typeKey);
                    types[typeName] = PositiveNumber(rate, typeKey);
                }
                throttle = throttle with { Types = types };
            }
            return throttle;
        }

        private Dictionary<string, int> ReadQuotas(JsonObject obj, string prefix)
        {
            var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (typeName, value) in obj)
            {
                var key = $"{prefix}.{typeName}";
                RequireTypeName(typeName, key);
                var quota = Integer(value, key);
                if (quota is < 0 or > int.MaxValue)
                {
                    throw new SandboxSettingsException(path, key, $"must be a whole number from 0 to {int.MaxValue} (got {quota})");
                }
                quotas[typeName] = (int)quota;
            }
            return quotas;
        }

        private Dictionary<string, JsonObject> ReadFaults(JsonObject obj, string prefix)
        {
            var faults = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var (typeName, value) in obj)
            {
                var key = $"{prefix}.{typeName}";
                RequireTypeName(typeName, key);
                var rules = (JsonObject)Object(value, key).DeepClone();
                // Checked now, so that a bad rule stops the cloud from opening instead of failing some later create.
                var problem = Faults.FaultRules.Validate(rules);
                if (problem is not null)
                {
                    throw new SandboxSettingsException(path, $"{key}.{problem.Key}", problem.Problem);
                }
                faults[typeName] = rules;
            }
            return faults;
        }

        private string Canonical(string rawKey, string[] known, string keyForError)
        {
            foreach (var candidate in known)
            {
                if (string.Equals(candidate, rawKey, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
            throw new SandboxSettingsException(path, keyForError, $"is not a setting (expected one of {string.Join(", ", known)})");
        }

        private void RequireTypeName(string typeName, string key)
        {
            if (typeName.Split("::").Length != 3)
            {
                throw new SandboxSettingsException(path, key, "is not a resource type name (expected e.g. AWS::EC2::Instance)");
            }
        }

        private JsonObject Object(JsonNode? value, string key) =>
            value as JsonObject ?? throw new SandboxSettingsException(path, key, $"must be an object (got {Describe(value)})");

        private double PositiveNumber(JsonNode? value, string key)
        {
            if (JsonValues.TryGetNumber(value, out var number) && number > 0 && double.IsFinite(number))
            {
                return number;
            }
            throw new SandboxSettingsException(path, key, $"must be a positive number (got {Describe(value)})");
        }

        private long Integer(JsonNode? value, string key)
        {
            if (JsonValues.TryGetNumber(value, out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15)
            {
                return (long)real;
            }
            throw new SandboxSettingsException(path, key, $"must be a whole number (got {Describe(value)})");
        }

        private string Matching(JsonNode? value, string key, Regex pattern, string expected)
        {
            if (JsonValues.TryGetString(value, out var text) && pattern.IsMatch(text))
            {
                return text;
            }
            throw new SandboxSettingsException(path, key, $"must be {expected} (got {Describe(value)})");
        }

        private static string Describe(JsonNode? value) => JsonValues.Describe(value);
    }
}
