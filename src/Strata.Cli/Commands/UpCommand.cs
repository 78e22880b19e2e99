using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Definition;
using Strata.Engine.Execution;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata up FILE --stack NAME [--parameter K=V]... [--ttl 7d] [--no-rollback] [--resource-timeout 30m]
/// [--provider sandbox|aws|cloudformation] [--timeout 1h] [--replace-failed] [--max-parallel N] [--signal-url URL] [--format text|json] [--data DIR]</c>.
/// Creates the stack or updates it; Ctrl-C stops gracefully (running calls finish, then rollback). Without
/// <c>--provider</c> an existing stack keeps its provider and a new one gets the sandbox.
/// </summary>
public static class UpCommand
{
    public static Command Create(CliContext context)
    {
        var file = EngineCliOptions.TemplateFile();
        var stack = EngineCliOptions.Stack();
        var parameters = CommonOptions.Parameters();
        var ttl = new Option<string?>("--ttl") { Description = "The stack's lease, e.g. 7d or 12h (recorded as its expiry)" };
        var noRollback = new Option<bool>("--no-rollback") { Description = "On failure keep what was created instead of rolling back" };
        var resourceTimeout = new Option<string?>("--resource-timeout") { Description = "Fail a resource operation that takes longer, e.g. 30m (default: per type)" };
        var provider = ProviderNames.Option("sandbox (default for a new stack), aws or cloudformation; an existing stack keeps its own");
        var timeout = new Option<string?>("--timeout") { Description = "cloudformation: the longest the whole operation may take, e.g. 1h (an update is then cancelled and rolled back)" };
        var replaceFailed = new Option<bool>("--replace-failed") { Description = "cloudformation: delete a stack left by a failed create (ROLLBACK_COMPLETE) and create it again; the engine always does" };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "At most N resource operations at once (default: no limit)" };
        var signalUrl = SignalListener.ServerOption();
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("up", "Create or update a stack from a template")
        {
            file, stack, parameters, ttl, noRollback, resourceTimeout, provider, timeout, replaceFailed, maxParallel, signalUrl, format, data,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var parallel = parse.GetValue(maxParallel);
            if (parallel is <= 0)
            {
                throw new UsageException("--max-parallel must be at least 1");
            }
            return RunAsync(context, new UpArguments(
                parse.GetValue(file)!,
                parse.GetValue(stack)!,
                ParameterArguments.Parse(parse.GetValue(parameters)!),
                EngineCliOptions.ParseDuration(parse.GetValue(ttl), "--ttl"),
                parse.GetValue(noRollback),
                EngineCliOptions.ParseDuration(parse.GetValue(resourceTimeout), "--resource-timeout"),
                parallel,
                CommonOptions.ParseFormat(parse.GetValue(format)),
                parse.GetValue(data)!,
                ProviderNames.Parse(parse.GetValue(provider)),
                EngineCliOptions.ParseDuration(parse.GetValue(timeout), "--timeout"),
                parse.GetValue(replaceFailed),
                parse.GetValue(signalUrl)), cancellationToken);
        });
        return command;
    }

    /// <param name="Provider">As given; null lets the stack's own provider (or the sandbox, for a new stack) decide.</param>
    /// <param name="Timeout">cloudformation only: the whole operation's limit.</param>
    /// <param name="SignalUrl">A running <c>strata serve</c> to mint wait-condition URLs for; null: a loopback listener (or <c>STRATA_SIGNAL_URL</c>).</param>
    public sealed record UpArguments(
        string File, string Stack, IReadOnlyDictionary<string, string> Parameters, TimeSpan? Ttl, bool NoRollback,
        TimeSpan? ResourceTimeout, int? MaxParallel, OutputFormat Format, string Data,
        string? Provider = null, TimeSpan? Timeout = null, bool ReplaceFailed = false, string? SignalUrl = null);

    /// <param name="stop">Cancelled on Ctrl-C: a graceful stop (then rollback), not an abort.</param>
    public static async Task<int> RunAsync(CliContext context, UpArguments args, CancellationToken stopRequested)
    {
        var template = EngineCliOptions.ReadTemplate(args.File);
        var provider = await StackOwnership.ForUpAsync(args.Data, args.Stack, args.Provider, stopRequested).ConfigureAwait(false);
        if (provider == ProviderNames.CloudFormation)
        {
            // CloudFormation builds the stack whatever this process does: Ctrl-C there stops following, not the stack.
            return await CloudFormationUp.UpAsync(context, args, template, stopRequested).ConfigureAwait(false);
        }
        if (args.Timeout is not null)
        {
            throw new UsageException("--timeout is for --provider cloudformation; Strata's engine bounds each resource with --resource-timeout");
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
        var stop = stopping.Token;
        // First Ctrl-C: stop gracefully (running calls finish, then rollback). A second one ends the process;
        // the journal lets the next 'up' resume without creating anything twice.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!stopping.IsCancellationRequested)
            {
                e.Cancel = true;
                stopping.Cancel();
                context.Error.WriteLine("strata: stopping — running operations finish, then the stack rolls back; press Ctrl-C again to abort");
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await DeployAsync(context, args, provider, template, stop).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> DeployAsync(CliContext context, UpArguments args, string provider, TemplateFile file, CancellationToken stop)
    {
        if (TemplatePreflight.Check(context, file, args.Stack, args.Parameters, args.Format, out var checkedTemplate) is { } refused)
        {
            return refused;
        }

        await using var listener = SignalListener.Start(args.SignalUrl);
        Func<EngineOptions, EngineOptions> configure = o => o with { SignalBaseUrl = listener.BaseUrl };
        using var host = provider == ProviderNames.Aws
            ? await EngineHost.OpenAwsAsync(args.Data, configure, checkCloudControl: true, CancellationToken.None).ConfigureAwait(false)
            : EngineHost.Open(args.Data, configure);
        listener.Attach(host.Engine.Signals);
        var request = new UpRequest
        {
            StackName = args.Stack,
            // The pre-flight's parse and model, so the engine does not parse the template again.
            Template = checkedTemplate,
            Parameters = args.Parameters,
            DisableRollback = args.NoRollback,
            TimeToLive = args.Ttl,
            ResourceTimeout = args.ResourceTimeout,
            MaxParallel = args.MaxParallel,
            Stop = stop,
        };
        return await OperationRunner.RunAsync(context, host, args.Stack, args.Format, OperationRunner.Speed(host),
            board => Seed(board, host, args, checkedTemplate),
            // The abort token stays uncancelled: a killed process is resumed from the journal by the next up.
            () => host.Engine.UpAsync(request, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>Shows every resource the plan touches as pending before the first event arrives.</summary>
    private static void Seed(ProgressBoard board, EngineHost host, UpArguments args, TemplateSource template)
    {
        var plan = host.Engine.PlanAsync(args.Stack, template, args.Parameters, CancellationToken.None).GetAwaiter().GetResult().Plan;
        foreach (var change in plan?.Changes ?? [])
        {
            board.AddPending(args.Stack, change.LogicalId, change.Type);
        }
    }
}
