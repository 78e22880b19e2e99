using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata ls [--all] [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>: the stacks in the
/// data directory, the engine's and CloudFormation's, each marked with its provider.
/// </summary>
public static class LsCommand
{
    private sealed record Row(string Name, string Status, DateTimeOffset? Updated, DateTimeOffset? Expires, string Provider);

    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Include deleted and nested stacks" };
        var provider = ProviderNames.Option("Only the stacks of this provider: sandbox, aws or cloudformation");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("ls", "List stacks") { all, provider, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetValue(all), ProviderNames.Parse(parse.GetValue(provider)), CommonOptions.ParseFormat(parse.GetValue(format)),
            parse.GetValue(data)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, bool all, string? provider, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        IReadOnlyList<StackRecord> stacks = [];
        if (provider != ProviderNames.CloudFormation)
        {
            using var store = EngineHost.OpenStore(data);
            stacks = (await store.ListStacksAsync(includeDeleted: all, includeNested: all, cancellationToken).ConfigureAwait(false))
                .Where(s => provider is null || s.Provider == provider).ToList();
        }
        var cloudFormation = provider is null or ProviderNames.CloudFormation
            ? await CloudFormationList.ListAsync(context, data, all, cancellationToken).ConfigureAwait(false)
            : [];

        if (format == OutputFormat.Json)
        {
            var document = EngineJson.Stacks(stacks);
            var entries = document["stacks"]!.AsArray();
            foreach (var view in cloudFormation)
            {
                entries.Add(CloudFormationList.Json(view));
            }
            EngineJson.Write(context.Out, document);
            return ExitCodes.Success;
        }
        var rows = stacks.Select(s => new Row(s.Name, s.Status.ToCfn(), s.UpdatedAt, s.ExpiresAt, s.Provider))
            .Concat(cloudFormation.Select(v => new Row(v.StackName, v.Status, v.UpdatedAt, v.ExpiresAt, ProviderNames.CloudFormation)))
            .ToList();
        if (rows.Count == 0)
        {
            context.Out.WriteLine("No stacks.");
            return ExitCodes.Success;
        }
        var nameWidth = Math.Max(4, rows.Max(r => r.Name.Length));
        context.Out.WriteLine($"{"NAME".PadRight(nameWidth)}  {"STATUS",-40}  {"UPDATED",-20}  {"EXPIRES",-16}  PROVIDER");
        foreach (var row in rows)
        {
            var updated = row.Updated?.ToString("yyyy-MM-dd HH:mm:ss") ?? "-";
            var expires = row.Expires?.ToString("yyyy-MM-dd HH:mm") ?? "-";
            context.Out.WriteLine($"{row.Name.PadRight(nameWidth)}  {row.Status,-40}  {updated,-20}  {expires,-16}  {row.Provider}");
        }
        return ExitCodes.Success;
    }
}
