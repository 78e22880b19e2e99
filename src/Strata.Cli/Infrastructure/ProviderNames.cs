using System.CommandLine;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The <c>--provider</c> values (DESIGN.md, "CLI contract"): <c>sandbox</c> and <c>aws</c> run Strata's engine
/// (on the simulated cloud, or on AWS through Cloud Control); <c>cloudformation</c> hands the template to the
/// CloudFormation service.
/// </summary>
public static class ProviderNames
{
    public const string Sandbox = "sandbox";
    public const string Aws = "aws";
    public const string CloudFormation = "cloudformation";

    /// <summary>
    /// An optional <c>--provider</c>: absent means "whichever provider owns the stack" (a new stack gets the sandbox),
    /// so scripts written for one provider keep working on stacks of another.
    /// </summary>
    public static Option<string?> Option(string description) => new("--provider") { Description = description };

    /// <summary>Null when not given; otherwise one of the three names, or bad usage.</summary>
    public static string? Parse(string? value) => value switch
    {
        null => null,
        Sandbox or Aws or CloudFormation => value,
        _ => throw new UsageException($"--provider '{value}' is unknown; use sandbox, aws or cloudformation"),
    };

    /// <summary>Whether the provider runs Strata's own engine (as opposed to CloudFormation).</summary>
    public static bool IsEngine(string provider) => provider is Sandbox or Aws;
}
