namespace Strata.Templates.Spec;

/// <summary>The scalar value kinds a CloudFormation property can hold.</summary>
public enum PrimitiveKind : byte
{
    String = 0,
    Integer = 1,
    /// <summary>A 64-bit integer; kept for parity with the classic CloudFormation spec (the cdk db does not use it).</summary>
    Long = 2,
    Number = 3,
    Boolean = 4,
    /// <summary>Free-form JSON (an object in practice); the spec does not describe its shape.</summary>
    Json = 5,
    /// <summary>An ISO 8601 date-time string.</summary>
    Timestamp = 6,
    /// <summary>The JSON null literal (the db schema allows it in unions).</summary>
    Null = 7,
    /// <summary>Any value; kept for consumers that need an unconstrained type (the cdk db does not use it).</summary>
    Any = 8,
}
