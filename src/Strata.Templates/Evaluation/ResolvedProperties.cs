using System.Text.Json.Nodes;
using Strata.Templates.Diagnostics;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>An unknown inside a resolved value tree, with its path relative to the tree (<c>Tags/0/Value</c>).</summary>
public sealed record UnknownPart(string Path, UnknownValue Value);

/// <summary>
/// A resource's properties (or metadata, or an output) evaluated against the current state: the value
/// tree, its JSON when fully known, the unknown parts and the resources they wait for, and any
/// evaluation errors (a resource with <see cref="HasErrors"/> cannot be deployed).
/// </summary>
public sealed class ResolvedValue
{
    private IReadOnlyList<UnknownPart>? _unknowns;
    private IReadOnlyList<string>? _waitingFor;

    internal ResolvedValue(Value value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
        foreach (var d in diagnostics)
        {
            HasErrors |= d.Severity == Severity.Error;
        }
    }

    public Value Value { get; }

    public bool IsFullyKnown => Value.IsFullyKnown;

    /// <summary>
    /// The JSON form when fully known; null otherwise (or when the value is JSON null). Built on each
    /// access (validation never needs it), so the caller owns the node it gets.
    /// </summary>
    public JsonNode? Json => ValueJson.TryToJsonNode(Value, out var json) ? json : null;

    /// <summary>The JSON object when the value is a fully known map (what providers take as a resource model).</summary>
    public JsonObject? JsonObject => Json as JsonObject;

    /// <summary>
    /// The unknown parts with their paths. Found on first access, not when evaluating: a pre-check that only
    /// wants the diagnostics does not pay for walking every value tree (the result is the same on every access).
    /// </summary>
    public IReadOnlyList<UnknownPart> Unknowns => _unknowns ??= FindUnknowns(Value);

    /// <summary>The resources the unknown parts wait for, sorted.</summary>
    public IReadOnlyList<string> WaitingFor => _waitingFor ??= Value.IsFullyKnown
        ? []
        : Unknowns.SelectMany(u => u.Value.ResourceDependencies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors { get; }

    private static IReadOnlyList<UnknownPart> FindUnknowns(Value root)
    {
        if (root.IsFullyKnown)
        {
            return [];
        }

        var unknowns = new List<UnknownPart>();
        CollectUnknowns(root, unknowns);
        return unknowns;
    }

    private static void CollectUnknowns(Value root, List<UnknownPart> into)
    {
        var pending = new Stack<(Value Value, string Path)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            switch (value)
            {
                case UnknownValue u:
                    into.Add(new UnknownPart(path, u));
                    break;
                case ListValue list when !list.IsFullyKnown:
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        pending.Push((list[i], Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    break;
                case MapValue map when !map.IsFullyKnown:
                    for (var i = map.Count - 1; i >= 0; i--)
                    {
                        pending.Push((map.Entries[i].Value, Join(path, map.Entries[i].Key)));
                    }

                    break;
            }
        }
    }

    private static string Join(string path, string part) => path.Length == 0 ? part : path + "/" + part;
}

/// <summary>One output evaluated against the current state.</summary>
public sealed record ResolvedOutput(string Name, ResolvedValue Value, ResolvedValue? ExportName, string? Description);
