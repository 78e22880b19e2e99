using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Strata.Engine.Definition;
using Strata.Templates.Evaluation;
using Strata.Templates.Values;

namespace Strata.Engine.Templating;

/// <summary>An <see cref="IStackDefinition"/> over a <see cref="PreparedTemplate"/>.</summary>
internal sealed class TemplateStackDefinition : IStackDefinition
{
    /// <summary>CloudFormation's default ResourceSignal timeout.</summary>
    private static readonly TimeSpan DefaultSignalTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Added to a nested stack's properties: its template's hash, so editing the child template alone updates it.</summary>
    public const string TemplateHashProperty = "Strata::TemplateHash";

    private readonly PreparedTemplate _prepared;
    private readonly string _fileName;
    private readonly string? _path;
    private readonly IReadOnlyDictionary<string, string> _templateUrlMappings;

    public TemplateStackDefinition(PreparedTemplate prepared, string fileName, string? path, IReadOnlyDictionary<string, string> templateUrlMappings)
    {
        _prepared = prepared;
        _fileName = fileName;
        _path = path;
        _templateUrlMappings = templateUrlMappings;
        Resources = prepared.Resources.Select(r => new ResourceDefinition
        {
            LogicalId = r.LogicalId,
            Type = r.Type,
            // From the dependency graph: each once, and only resources the conditions keep in the stack.
            Dependencies = r.Dependencies,
            DeletionPolicy = r.DeletionPolicy,
            UpdateReplacePolicy = r.UpdateReplacePolicy,
        }).ToList();
    }

    public IReadOnlyList<ResourceDefinition> Resources { get; }

    public ResolvedResource ResolveResource(string logicalId, IStackState state)
    {
        var resolver = new StateResolver(state);
        var properties = _prepared.ResolveProperties(logicalId, resolver);
        var metadata = _prepared.ResolveMetadata(logicalId, resolver);
        var creationPolicy = _prepared.ResolveCreationPolicy(logicalId, resolver);

        var errors = TemplateDefinitionFactory.Errors(properties.Diagnostics, _fileName);
        errors.AddRange(TemplateDefinitionFactory.Errors(metadata.Diagnostics, _fileName));
        if (creationPolicy is not null)
        {
            errors.AddRange(TemplateDefinitionFactory.Errors(creationPolicy.Diagnostics, _fileName));
        }

        IReadOnlySet<string> unknown = FrozenSet<string>.Empty;
        IReadOnlyList<string> unknownSources = [];
        if (!properties.IsFullyKnown)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var sources = new List<string>(properties.Unknowns.Count);
            foreach (var part in properties.Unknowns)
            {
                names.Add(part.Path.Length == 0 ? "*" : part.Path.Split('/')[0]);
                sources.Add($"Properties/{part.Path} waits for {part.Value.Source}");
            }
            (unknown, unknownSources) = (names, sources);
        }

        var json = ValueConversion.ToJson(properties.Value) as JsonObject ?? [];
        if (_prepared.TryGetResource(logicalId, out var resource) && resource.Type == Native.NestedStackHandler.TypeName)
        {
            AddTemplateHash(json);
        }
        return new ResolvedResource
        {
            Properties = json,
            Metadata = metadata.Value is MapValue { Count: > 0 } ? ValueConversion.ToJson(metadata.Value) as JsonObject : null,
            SignalPolicy = SignalPolicyOf(creationPolicy, errors),
            UnknownProperties = unknown,
            UnknownSources = unknownSources,
            Errors = errors,
        };
    }

    public IReadOnlyList<Definition.ResolvedOutput> ResolveOutputs(IStackState state)
    {
        var resolver = new StateResolver(state);
        return _prepared.ResolveOutputs(resolver).Select(output =>
        {
            var errors = TemplateDefinitionFactory.Errors(output.Value.Diagnostics, _fileName);
            if (output.ExportName is not null)
            {
                errors.AddRange(TemplateDefinitionFactory.Errors(output.ExportName.Diagnostics, _fileName));
            }
            var value = output.Value.IsFullyKnown ? ValueConversion.ToText(output.Value.Value) : null;
            var exportName = output.ExportName is { IsFullyKnown: true } e ? ValueConversion.ToText(e.Value) : null;
            var error = errors.Count > 0 ? string.Join("; ", errors)
                : value is null ? "waits for " + string.Join(", ", output.Value.Unknowns.Select(u => u.Value.Source))
                : null;
            return new Definition.ResolvedOutput(output.Name, value, output.Description, exportName, error);
        }).ToList();
    }

    private void AddTemplateHash(JsonObject properties)
    {
        if (properties["TemplateURL"] is JsonValue url && url.TryGetValue<string>(out var text) &&
            Native.TemplateLocator.TryLocate(text, _path, _templateUrlMappings, out var file, out _))
        {
            var hash = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file));
            properties[TemplateHashProperty] = Convert.ToHexStringLower(hash)[..16];
        }
    }

    private static SignalPolicy? SignalPolicyOf(ResolvedValue? creationPolicy, List<string> errors)
    {
        if (creationPolicy?.Json is not JsonObject policy || policy["ResourceSignal"] is not JsonObject signal)
        {
            return null;
        }
        var count = 1;
        if (signal["Count"] is { } countNode && !int.TryParse(countNode.ToString(), out count))
        {
            errors.Add("CreationPolicy.ResourceSignal.Count must be a number");
            return null;
        }
        var timeout = DefaultSignalTimeout;
        if (signal["Timeout"] is { } timeoutNode && !ValueConversion.TryParseDuration(timeoutNode.ToString(), out timeout))
        {
            errors.Add($"CreationPolicy.ResourceSignal.Timeout '{timeoutNode}' is not an ISO-8601 duration such as PT15M");
            return null;
        }
        return count > 0 ? new SignalPolicy(count, timeout) : null;
    }
}
