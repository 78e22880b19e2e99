namespace Strata.Templates.Evaluation;

/// <summary>
/// Rule ids of parameter-value findings. cfn-lint checks only defaults (E2015) and warns about values
/// (W2030, W2031, W3034); CloudFormation rejects a stack whose supplied value breaks a constraint, so
/// Strata reports supplied values as errors under the same numbers with an E, and adds its own where
/// cfn-lint has none.
/// </summary>
public static class ParameterRules
{
    /// <summary>A Default breaks the parameter's own constraints or type (cfn-lint E2015).</summary>
    public const string DefaultViolatesConstraints = "E2015";

    /// <summary>A supplied value is not one of AllowedValues (cfn-lint W2030's meaning).</summary>
    public const string NotAllowedValue = "E2030";

    /// <summary>A supplied value does not match AllowedPattern in full (cfn-lint W2031's meaning).</summary>
    public const string PatternMismatch = "E2031";

    /// <summary>A supplied value is shorter than MinLength or longer than MaxLength (Strata).</summary>
    public const string LengthOutOfRange = "E2032";

    /// <summary>A supplied number is below MinValue or above MaxValue (cfn-lint W3034's meaning).</summary>
    public const string ValueOutOfRange = "E2033";

    /// <summary>A Number or List&lt;Number&gt; value is not a number (Strata).</summary>
    public const string NotANumber = "E2034";

    /// <summary>A value of an AWS-specific type does not have that type's format, e.g. a VPC id not like vpc-0abc... (Strata).</summary>
    public const string InvalidAwsValue = "E2035";

    /// <summary>A parameter without Default was given no value (CloudFormation: "Parameters: [X] must have values") (Strata).</summary>
    public const string MissingValue = "E2040";

    /// <summary>A value was supplied for a parameter the template does not declare (Strata).</summary>
    public const string UndeclaredParameter = "E2041";

    /// <summary>AllowedPattern is not a valid regular expression, so it cannot be checked (cfn-lint I2003).</summary>
    public const string InvalidPattern = "I2003";
}
