namespace Strata.Templates.Diagnostics;

/// <summary>How bad a finding is. Ordered so that a higher value is worse.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
