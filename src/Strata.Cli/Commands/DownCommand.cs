using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata down NAME [--provider sandbox|aws|cloudformation] [--signal-url URL] [--format text|json] [--data DIR]</c>: deletes
/// the stack's resources in reverse dependency order (the engine), or deletes the CloudFormation stack and follows the
/// deletion. Without <c>--provider</c> the provider holding the stack in the data directory does it. On AWS, custom
/// resources answer their Delete requests on a signal endpoint, as in <c>up</c>.
/// </summary>
public static class DownCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var provider = ProviderNames.Option("Whose stack to delete: sandbox, aws or cloudformation (default: whichever holds it)");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var signalUrl = SignalListener.ServerOption();
        var command = new Command("down", "Delete a stack and its resources (Retain policies are honoured)") { name, provider, format, data, signalUrl };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(name)!, ProviderNames.Parse(parse.GetValue(provider)), CommonOptions.ParseFormat(parse.GetValue(format)),
            parse.GetValue(data)!, cancellationToken, parse.GetValue(signalUrl)));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string stackName, string? requestedProvider, OutputFormat format, string data,
        CancellationToken cancellationToken, string? signalUrl = null)
    {
        var provider = await StackOwnership.ForDownAsync(data, stackName, requestedProvider, cancellationToken).ConfigureAwait(false);
        if (provider == ProviderNames.CloudFormation)
        {
            return await CloudFormationDown.RunAsync(context, stackName, format, data, cancellationToken).ConfigureAwait(false);
        }
        // On AWS, custom resources answer their Delete requests on the signal endpoint; the sandbox simulates them itself.
        await using var listener = provider == ProviderNames.Aws ? SignalListener.Start(signalUrl) : null;
        using var host = listener is not null
            ? await EngineHost.OpenAwsAsync(data, o => o with { SignalBaseUrl = listener.BaseUrl }, checkCloudControl: true, cancellationToken).ConfigureAwait(false)
            : EngineHost.Open(data);
        listener?.Attach(host.Engine.Signals);
        return await OperationRunner.RunAsync(context, host, stackName, format, OperationRunner.Speed(host),
            board =>
            {
                var stack = host.Store.GetStackAsync(stackName, CancellationToken.None).GetAwaiter().GetResult();
                if (stack is null)
                {
                    return;
                }
                foreach (var record in host.Store.GetResourcesAsync(stack.StackId, CancellationToken.None).GetAwaiter().GetResult())
                {
                    board.AddPending(stackName, record.LogicalId, record.Type);
                }
            },
            // Deletion is not rolled back, so a Ctrl-C is an abort here; the next down resumes from the journal.
            () => host.Engine.DownAsync(stackName, cancellationToken)).ConfigureAwait(false);
    }
}
