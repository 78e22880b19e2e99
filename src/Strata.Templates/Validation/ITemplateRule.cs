namespace Strata.Templates.Validation;

/// <summary>
/// One check over a whole template. Rules are independent: each reads the context and reports findings, and
/// an exception in one is turned into an internal-error finding without stopping the others.
/// </summary>
internal interface ITemplateRule
{
    /// <summary>A name for internal-error messages, e.g. "resource properties (E3002/E3003/E3012/E3030)".</summary>
    string Name { get; }

    void Check(RuleContext context);
}
