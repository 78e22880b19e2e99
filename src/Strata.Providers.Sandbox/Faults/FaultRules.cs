using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Providers.Sandbox.Faults;

/// <summary>
/// Fault injection for one resource, from its template <c>Metadata["Strata::Sandbox"]</c> over the
/// settings file's rules for its type. <c>Hang</c> and <c>Fail</c> target the operation named by
/// <c>FailOn</c> (Create unless given).
/// </summary>
internal sealed record FaultRules
{
    public const string MetadataKey = "Strata::Sandbox";

    public static FaultRules None { get; } = new();

    public double? CreateSeconds { get; init; }
    public double? UpdateSeconds { get; init; }
    public double? DeleteSeconds { get; init; }
    public HandlerErrorCode? Fail { get; init; }
    public OperationKind FailOn { get; init; } = OperationKind.Create;
    public string? Message { get; init; }
    public bool Hang { get; init; }

    /// <summary>Fail only this many attempts, then succeed; null fails every attempt.</summary>
    public int? FailTimes { get; init; }

    /// <summary>
    /// A custom resource's simulated handler response: the attributes <c>Fn::GetAtt</c> reads (the sandbox runs
    /// no Lambda function). Ignored for other types.
    /// </summary>
    public JsonObject? Data { get; init; }

    public double? SecondsFor(OperationKind kind) => kind switch
    {
        OperationKind.Create => CreateSeconds,
        OperationKind.Update => UpdateSeconds,
        _ => DeleteSeconds,
    };

    public bool HangsOn(OperationKind kind) => Hang && FailOn == kind;

    public bool FailsOn(OperationKind kind) => Fail is not null && FailOn == kind;

    private static readonly string[] Keys =
        ["CreateSeconds", "UpdateSeconds", "DeleteSeconds", "Fail", "FailOn", "Message", "Hang", "FailTimes", "Data"];

    /// <summary>Checks a rule object without keeping it; returns the first problem or null.</summary>
    public static FaultProblem? Validate(JsonObject rules)
    {
        TryRead(rules, None, out _, out var problem);
        return problem;
    }

    /// <summary>
    /// Reads a resource's rules over its type's defaults. A bad value is reported with the key as a
    /// path under <c>Metadata.Strata::Sandbox</c> so that the template author can find it.
    /// </summary>
    public static bool TryParse(JsonObject? metadata, JsonObject? typeDefaults, out FaultRules rules, out string? error)
    {
        rules = None;
        error = null;
        if (typeDefaults is not null && !TryRead(typeDefaults, None, out rules, out var defaultsProblem))
        {
            error = $"sandbox fault rules for the type: '{defaultsProblem!.Key}' {defaultsProblem.Problem}";
            return false;
        }
        var node = metadata is null ? null : Lookup(metadata, MetadataKey);
        if (node is null)
        {
            return true;
        }
        if (node is not JsonObject own)
        {
            error = $"Metadata.{MetadataKey} must be an object of fault rules ({string.Join(", ", Keys)})";
            return false;
        }
        if (!TryRead(own, rules, out rules, out var problem))
        {
            error = $"Metadata.{MetadataKey}.{problem!.Key} {problem.Problem}";
            return false;
        }
        return true;
    }

    private static bool TryRead(JsonObject source, FaultRules start, out FaultRules rules, out FaultProblem? problem)
    {
        rules = start;
        problem = null;
        foreach (var (rawKey, value) in source)
        {
            var key = Array.Find(Keys, k => string.Equals(k, rawKey, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                problem = new FaultProblem(rawKey, $"is not a sandbox fault rule (expected one of {string.Join(", ", Keys)})");
                return false;
            }
            string? bad = null;
            switch (key)
            {
                case "CreateSeconds" or "UpdateSeconds" or "DeleteSeconds":
                    if (!TryNumber(value, out var seconds) || seconds < 0)
                    {
                        bad = "must be a number of seconds, 0 or more";
                    }
                    else
                    {
                        rules = key switch
                        {
                            "CreateSeconds" => rules with { CreateSeconds = seconds },
                            "UpdateSeconds" => rules with { UpdateSeconds = seconds },
                            _ => rules with { DeleteSeconds = seconds },
                        };
                    }
                    break;
                case "Fail":
                    if (TryText(value, out var codeName) && Enum.TryParse<HandlerErrorCode>(codeName, ignoreCase: true, out var code)
                        && !int.TryParse(codeName, out _))
                    {
                        rules = rules with { Fail = code };
                    }
                    else
                    {
                        bad = $"must be a handler error code ({string.Join(", ", Enum.GetNames<HandlerErrorCode>())})";
                    }
                    break;
                case "FailOn":
                    if (TryText(value, out var kindName) && Enum.TryParse<OperationKind>(kindName, ignoreCase: true, out var kind)
                        && !int.TryParse(kindName, out _))
                    {
                        rules = rules with { FailOn = kind };
                    }
                    else
                    {
                        bad = "must be Create, Update or Delete";
                    }
                    break;
                case "Message":
                    if (TryText(value, out var message))
                    {
                        rules = rules with { Message = message };
                    }
                    else
                    {
                        bad = "must be a string";
                    }
                    break;
                case "Data":
                    if (value is JsonObject data)
                    {
                        rules = rules with { Data = (JsonObject)data.DeepClone() };
                    }
                    else
                    {
                        bad = "must be an object of attribute names to values (a custom resource's response Data)";
                    }
                    break;
                case "Hang":
                    if (TryBoolean(value, out var hang))
                    {
                        rules = rules with { Hang = hang };
                    }
                    else
                    {
                        bad = "must be true or false";
                    }
                    break;
                default:
                    if (TryNumber(value, out var times) && times >= 1 && times == Math.Floor(times) && times <= int.MaxValue)
                    {
                        rules = rules with { FailTimes = (int)times };
                    }
                    else
                    {
                        bad = "must be a whole number, 1 or more";
                    }
                    break;
            }
            if (bad is not null)
            {
                problem = new FaultProblem(key, $"{bad} (got {value?.ToJsonString() ?? "null"})");
                return false;
            }
        }
        if (rules.FailTimes is not null && rules.Fail is null)
        {
            problem = new FaultProblem("FailTimes", "needs 'Fail' (the error code to fail with)");
            return false;
        }
        return true;
    }

    private static bool TryNumber(JsonNode? value, out double number) => JsonValues.TryGetLenientNumber(value, out number);

    private static bool TryBoolean(JsonNode? value, out bool flag) => JsonValues.TryGetLenientBoolean(value, out flag);

    private static bool TryText(JsonNode? value, out string text) => JsonValues.TryGetString(value, out text);

    private static JsonNode? Lookup(JsonObject metadata, string key) => JsonValues.Property(metadata, key);
}

/// <summary>A bad fault rule: the key and what is wrong with it.</summary>
internal sealed record FaultProblem(string Key, string Problem);
