namespace Strata.Templates.Functions;

/// <summary>
/// Rule ids of findings about intrinsic and condition functions: cfn-lint 1.x's numbers with the same
/// meaning (in cfn-lint 1.x a Ref to a name that does not exist is E1020, GetAtt's is E1010).
/// </summary>
public static class FunctionRules
{
    public const string GetAtt = "E1010";
    public const string FindInMap = "E1011";
    public const string GetAZs = "E1015";
    public const string ImportValue = "E1016";
    public const string Select = "E1017";
    public const string Split = "E1018";
    public const string Sub = "E1019";
    public const string Ref = "E1020";
    public const string Base64 = "E1021";
    public const string Join = "E1022";
    public const string Cidr = "E1024";
    public const string If = "E1028";
    public const string Length = "E1030";
    public const string ToJsonString = "E1031";
    public const string ForEach = "E1032";
    public const string GetStackOutput = "E1033";

    /// <summary><c>Fn::Transform</c> malformed (cfn-lint has no rule of its own; basic template configuration).</summary>
    public const string Transform = "E1001";

    /// <summary>Rule-only functions (Fn::Contains, Fn::EachMemberEquals, ...) malformed or used outside Rules.</summary>
    public const string RuleFunction = "E1701";

    public const string ConditionNotFound = "E8002";
    public new const string Equals = "E8003";
    public const string And = "E8004";
    public const string Not = "E8005";
    public const string Or = "E8006";
    public const string Condition = "E8007";

    /// <summary>
    /// A Ref/GetAtt to a resource that its condition leaves out of the stack while the referring
    /// expression is evaluated (CloudFormation fails the operation). Strata's id; cfn-lint warns with W1001.
    /// </summary>
    public const string ExcludedResource = "E1060";
}
