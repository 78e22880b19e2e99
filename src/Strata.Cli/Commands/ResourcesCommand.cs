using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata resources NAME [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>: the stack's
/// resources and their status. Without <c>--provider</c> the provider holding the stack in the data directory answers.
/// </summary>
public static class ResourcesCommand
{
    public static Command Create(CliContext context) =>
        StackQueryCommand.Create(context, "resources", "Show a stack's resources", CloudFormationQueries.ResourcesAsync, ListAsync);

    private static async Task<StackListing> ListAsync(StateStore store, StackRecord stack, CancellationToken cancellationToken)
    {
        var resources = await store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        var idWidth = resources.Select(r => r.LogicalId.Length).DefaultIfEmpty().Max();
        var typeWidth = resources.Select(r => r.Type.Length).DefaultIfEmpty().Max();
        var rows = resources
            .Select(r =>
            {
                var old = r.IsCurrent ? "" : "  (replaced, pending deletion)";
                return $"{r.LogicalId.PadRight(idWidth)}  {r.Type.PadRight(typeWidth)}  {r.PhysicalId ?? "-",-40}  {r.Status.ToCfn()}{old}";
            })
            .ToList();
        return new StackListing(EngineJson.Resources(stack, resources), "No resources.", rows);
    }
}
