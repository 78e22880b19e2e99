using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata plan FILE --stack NAME [--parameter K=V]... [--provider sandbox|aws|cloudformation] [--format text|json] [--data DIR]</c>:
/// the change set, changing nothing. Without <c>--provider</c> the stack's own provider plans it (the sandbox for a new stack).
/// </summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = EngineCliOptions.TemplateFile();
        var stack = EngineCliOptions.Stack();
        var parameters = CommonOptions.Parameters();
        var provider = ProviderNames.Option("sandbox (default for a new stack), aws or cloudformation; an existing stack keeps its own");
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("plan", "Show what 'up' would add, modify, replace and remove") { file, stack, parameters, provider, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetValue(file)!,
            parse.GetValue(stack)!,
            ParameterArguments.Parse(parse.GetValue(parameters)!),
            CommonOptions.ParseFormat(parse.GetValue(format)),
            parse.GetValue(data)!,
            ProviderNames.Parse(parse.GetValue(provider)),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string file, string stackName, IReadOnlyDictionary<string, string> parameters, OutputFormat format,
        string data, string? requestedProvider, CancellationToken cancellationToken)
    {
        var template = EngineCliOptions.ReadTemplate(file);
        var provider = await StackOwnership.ForUpAsync(data, stackName, requestedProvider, cancellationToken).ConfigureAwait(false);
        if (provider == ProviderNames.CloudFormation)
        {
            return await CloudFormationUp.PlanAsync(context, stackName, template, parameters, format, data, cancellationToken).ConfigureAwait(false);
        }
        if (TemplatePreflight.Check(context, template, stackName, parameters, format, out var checkedTemplate) is { } refused)
        {
            return refused;
        }

        // Planning calls no provider; on AWS the host is still opened there for the account and region the plan names.
        using var host = provider == ProviderNames.Aws
            ? await EngineHost.OpenAwsAsync(data, null, checkCloudControl: false, cancellationToken).ConfigureAwait(false)
            : EngineHost.Open(data);
        var result = await host.Engine.PlanAsync(stackName, checkedTemplate, parameters, cancellationToken).ConfigureAwait(false);
        if (result.Plan is not { } plan)
        {
            if (format == OutputFormat.Json)
            {
                EngineJson.Write(context.Out, new System.Text.Json.Nodes.JsonObject
                {
                    ["stack"] = stackName,
                    ["errors"] = new System.Text.Json.Nodes.JsonArray(result.Errors.Select(e => (System.Text.Json.Nodes.JsonNode?)e).ToArray()),
                });
            }
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync(error).ConfigureAwait(false);
            }
            return ExitCodes.Failed;
        }
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, EngineJson.PlanDocument(plan));
        }
        else
        {
            WriteText(context.Out, plan);
        }
        return ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, Plan plan) =>
        PlanText.Write(output, plan.StackName, plan.Stack?.Status.ToCfn(), plan.Changes.ToList());
}
