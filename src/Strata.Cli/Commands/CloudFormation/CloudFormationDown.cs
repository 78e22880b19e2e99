using Strata.Cli.Infrastructure;
using Strata.Providers.Aws.CloudFormation;

namespace Strata.Cli.Commands.CloudFormation;

/// <summary>
/// <c>down</c> with <c>--provider cloudformation</c>: DeleteStack, then the deletion followed event by event. A stack
/// CloudFormation no longer knows is not an error (exit 0), as with the engine; Strata's record stays, marked deleted,
/// with the last root cause.
/// </summary>
public static class CloudFormationDown
{
    public static async Task<int> RunAsync(CliContext context, string stackName, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        var deployer = CloudFormationHost.Open(data);
        using var operation = new CloudFormationOperation(context, stackName, format, cancellationToken);
        return await operation.RunAsync(token => operation.ShowAsync(
            async board =>
            {
                // What is about to go, shown as pending until its deletion starts.
                foreach (var resource in await deployer.GetResourcesAsync(stackName, token).ConfigureAwait(false) ?? [])
                {
                    board.AddPending(stackName, resource.LogicalId, resource.Type);
                }
            },
            observer => deployer.DownAsync(new CloudFormationDownRequest { StackName = stackName }, observer, token))).ConfigureAwait(false);
    }
}
