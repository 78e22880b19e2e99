using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>Where a parameter's value came from.</summary>
public enum ParameterValueSource
{
    Supplied,
    Default,

    /// <summary>No value and no default: the value is an unknown (and, when values are required, an error was reported).</summary>
    Missing,
}

/// <summary>One parameter's resolved value.</summary>
public sealed record ResolvedParameter(ParameterDecl Declaration, Value Value, ParameterValueSource Source, string? Text)
{
    public string Name => Declaration.Name;

    public bool NoEcho => Declaration.NoEcho;

    /// <summary>The text to show a user: masked for NoEcho parameters.</summary>
    public string Display => NoEcho ? "****" : Text ?? "";
}

/// <summary>How strictly <see cref="ParameterResolver"/> treats missing values.</summary>
public sealed record ParameterResolutionOptions
{
    /// <summary>Deploying: a parameter without value or default is an error (E2040).</summary>
    public static readonly ParameterResolutionOptions Strict = new();

    /// <summary>Validating: a missing value is an unknown, not an error.</summary>
    public static readonly ParameterResolutionOptions Lenient = new() { RequireValues = false, ReportUndeclared = false };

    public bool RequireValues { get; init; } = true;

    public bool ReportUndeclared { get; init; } = true;

    /// <summary>
    /// Reads an SSM parameter's value by name for <c>AWS::SSM::Parameter::Value&lt;T&gt;</c> types; null
    /// (or a null answer) leaves the value an unknown of the right kind.
    /// </summary>
    public Func<string, string?>? SsmLookup { get; init; }
}

/// <summary>The resolved parameters of a template and the findings about them.</summary>
public sealed class ParameterResolution
{
    internal ParameterResolution(IReadOnlyList<ResolvedParameter> parameters, IReadOnlyList<Diagnostic> diagnostics)
    {
        Parameters = parameters;
        Diagnostics = diagnostics;
        var values = new Dictionary<string, Value>(parameters.Count, StringComparer.Ordinal);
        var byName = new Dictionary<string, ResolvedParameter>(parameters.Count, StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            values[p.Name] = p.Value;
            byName[p.Name] = p;
        }

        Values = values;
        ByName = byName;
        HasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
    }

    /// <summary>In declaration order.</summary>
    public IReadOnlyList<ResolvedParameter> Parameters { get; }

    public IReadOnlyDictionary<string, ResolvedParameter> ByName { get; }

    /// <summary>The value of each parameter by name, as <c>Ref</c> returns it.</summary>
    public IReadOnlyDictionary<string, Value> Values { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors { get; }
}
