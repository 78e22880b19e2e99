using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata outputs NAME [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>. Without
/// <c>--provider</c> the provider holding the stack in the data directory answers.
/// </summary>
public static class OutputsCommand
{
    public static Command Create(CliContext context) =>
        StackQueryCommand.Create(context, "outputs", "Show a stack's outputs", CloudFormationQueries.OutputsAsync, ListAsync);

    private static Task<StackListing> ListAsync(StateStore store, StackRecord stack, CancellationToken cancellationToken)
    {
        var width = stack.Outputs.Select(o => o.Key.Length).DefaultIfEmpty().Max();
        var rows = stack.Outputs
            .Select(output =>
            {
                var export = output.ExportName is null ? "" : $"  (export {output.ExportName})";
                return $"{output.Key.PadRight(width)}  {output.Value}{export}";
            })
            .ToList();
        return Task.FromResult(new StackListing(EngineJson.OutputsDocument(stack), "No outputs.", rows));
    }
}
