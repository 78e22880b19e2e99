using Strata.Templates.Spec;

namespace Strata.Templates.Validation;

/// <summary>What a validation run knows beyond the template itself.</summary>
public sealed record ValidationOptions
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters =
        new Dictionary<string, string>(StringComparer.Ordinal);

    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// Parameter values supplied by the user (<c>--parameter K=V</c>). Each is checked against its declaration;
    /// when at least one is supplied, parameters left without a value and without a default are reported too.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = NoParameters;

    /// <summary>The resource specification to check resources against; null means the embedded one.</summary>
    public ResourceSpecification? Spec { get; init; }

    /// <summary>The region the template is meant for (pseudo parameter <c>AWS::Region</c>).</summary>
    public string Region { get; init; } = "us-east-1";
}
