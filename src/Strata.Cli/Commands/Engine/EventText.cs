using Strata.Engine.Model;

namespace Strata.Cli.Commands.Engine;

/// <summary>Events and results as plain lines (piped output, <c>strata events</c>).</summary>
public static class EventText
{
    public static string Line(StackEvent e, bool showStack) =>
        $"{e.Timestamp:HH:mm:ss}  {(showStack ? e.StackName + "  " : "")}{e.LogicalId,-28} {e.ResourceType,-36} {e.Status,-28} {e.Reason}".TrimEnd();

    public static void Summary(TextWriter output, string stackName, StackRecord? stack, IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            output.WriteLine(message);
        }
        if (stack is null)
        {
            return;
        }
        output.WriteLine($"Stack {stackName}: {stack.Status.ToCfn()}");
        if (stack.RootCause is { } cause && stack.Status.IsFailure())
        {
            output.WriteLine($"Root cause: {cause.LogicalId} ({cause.Type}) {cause.ErrorCode}: {cause.Message}");
        }
        if (stack.Outputs.Count > 0 && !stack.Status.IsFailure() && stack.Status != StackStatus.DeleteComplete)
        {
            output.WriteLine("Outputs:");
            var width = stack.Outputs.Max(o => o.Key.Length);
            foreach (var o in stack.Outputs)
            {
                output.WriteLine($"  {o.Key.PadRight(width)}  {o.Value}");
            }
        }
    }
}
