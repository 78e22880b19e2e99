namespace Strata.Templates.Values;

/// <summary>What an evaluated value is.</summary>
public enum ValueKind
{
    String,
    Number,
    Boolean,
    List,
    Map,
    Null,

    /// <summary><c>AWS::NoValue</c>: the property (or list item) that holds it is removed.</summary>
    NoValue,

    /// <summary>Known only later (a resource attribute, an import, an SSM parameter...).</summary>
    Unknown,
}

/// <summary>What an <see cref="UnknownValue"/> will turn out to be once known.</summary>
public enum ExpectedKind
{
    Any,
    String,
    Number,
    Boolean,
    List,
    Map,
}

/// <summary>
/// Why a value is unknown. Ordered by precedence: when unknowns combine, the highest reason wins, so an
/// evaluation error is never hidden behind "resource not created yet".
/// </summary>
public enum UnknownReason
{
    /// <summary>A resource's physical id or attribute, known once the resource exists.</summary>
    ResourceNotCreated = 0,

    /// <summary>An <c>Fn::ImportValue</c> the caller could not resolve.</summary>
    ImportNotResolved = 1,

    /// <summary>A parameter value that is not available offline (SSM parameter types) or was not supplied.</summary>
    ParameterNotResolved = 2,

    /// <summary>An <c>Fn::If</c> whose condition cannot be decided offline; both branches were considered.</summary>
    ConditionUndecided = 3,

    /// <summary>A function CloudFormation evaluates in a service Strata does not emulate (<c>Fn::Transform</c>, rule functions).</summary>
    NotEvaluatedOffline = 4,

    /// <summary>The expression is invalid or failed (an index out of range, a missing mapping key); a diagnostic says why.</summary>
    Error = 5,
}
