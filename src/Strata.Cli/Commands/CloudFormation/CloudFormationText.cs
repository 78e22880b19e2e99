using Strata.Engine.Model;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>CloudFormation-mode results as text, worded like the engine's (<see cref="Engine.EventText"/>).</summary>
public static class CloudFormationText
{
    public static string RootCauseLine(RootCause cause) => $"Root cause: {cause.LogicalId} ({cause.Type}) {cause.ErrorCode}: {cause.Message}";

    /// <summary>What follows an operation: its messages, the stack's status, the root cause of a failure, the outputs.</summary>
    public static void Summary(TextWriter output, DeploymentResult result, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            output.WriteLine(message);
        }
        var failed = !result.Succeeded && result.Outcome != DeploymentOutcome.NotFound;
        if (result.Status is { } status)
        {
            output.WriteLine($"Stack {result.StackName}: {status}");
        }
        else if (failed)
        {
            output.WriteLine($"Stack {result.StackName}: not created");
        }
        if (failed && result.RootCause is { } cause)
        {
            output.WriteLine(RootCauseLine(cause));
        }
        if (!failed && result.Status != StackStates.DeleteComplete)
        {
            WriteOutputs(output, result.Outputs, "Outputs:", "  ");
        }
    }

    public static void WriteOutputs(TextWriter output, IReadOnlyList<StackOutput> outputs, string? heading, string indent)
    {
        if (outputs.Count == 0)
        {
            return;
        }
        if (heading is not null)
        {
            output.WriteLine(heading);
        }
        var width = outputs.Max(o => o.Key.Length);
        foreach (var o in outputs)
        {
            var export = o.ExportName is null ? "" : $"  (export {o.ExportName})";
            output.WriteLine($"{indent}{o.Key.PadRight(width)}  {o.Value}{export}");
        }
    }

    /// <summary>The stack line of <c>outputs</c> and <c>resources</c>, with the root cause when the stack is failed.</summary>
    public static void StackHeader(TextWriter output, CloudFormationStackView view)
    {
        output.WriteLine($"Stack {view.StackName}: {view.Status}");
        if (view.IsFailed && view.RootCause is { } cause)
        {
            output.WriteLine(RootCauseLine(cause));
        }
    }
}
