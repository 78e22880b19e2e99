using System.CommandLine;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;
using Strata.Engine.Definition;
using Strata.Engine.Model;
using Strata.Engine.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata plan FILE --stack NAME [--parameter K=V]... [--format text|json] [--data DIR]</c>: the change set, changing nothing.</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = EngineCliOptions.TemplateFile();
        var stack = EngineCliOptions.Stack();
        var parameters = CommonOptions.Parameters();
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("plan", "Show what 'up' would add, modify, replace and remove") { file, stack, parameters, format, data };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetValue(file)!,
            parse.GetValue(stack)!,
            ParameterArguments.Parse(parse.GetValue(parameters)!),
            CommonOptions.ParseFormat(parse.GetValue(format)),
            parse.GetValue(data)!,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string file, string stackName, IReadOnlyDictionary<string, string> parameters, OutputFormat format, string data, CancellationToken cancellationToken)
    {
        var (body, path) = EngineCliOptions.ReadTemplate(file);
        if (TemplatePreflight.Check(context, path, stackName, parameters, format) is { } refused)
        {
            return refused;
        }

        using var host = EngineHost.Open(data);
        var result = await host.Engine.PlanAsync(stackName, new TemplateSource(body, path), parameters, cancellationToken).ConfigureAwait(false);
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

    private static void WriteText(TextWriter output, Plan plan)
    {
        output.WriteLine(plan.Stack is { } stack
            ? $"Plan for stack {plan.StackName} ({stack.Status.ToCfn()}):"
            : $"Plan for stack {plan.StackName} (new stack):");
        var changes = plan.Changes.ToList();
        if (changes.Count == 0)
        {
            output.WriteLine("  No changes: the stack already matches the template.");
            return;
        }
        var idWidth = changes.Max(c => c.LogicalId.Length);
        var typeWidth = changes.Max(c => c.Type.Length);
        foreach (var change in changes)
        {
            var symbol = change.Action switch
            {
                ChangeAction.Add => "+",
                ChangeAction.Modify => "~",
                ChangeAction.Replace => "±",
                _ => "-",
            };
            output.WriteLine($"  {symbol} {change.Action,-7} {change.LogicalId.PadRight(idWidth)}  {change.Type.PadRight(typeWidth)}  {change.Reason}");
        }
        output.WriteLine($"{plan.Count(ChangeAction.Add)} to add, {plan.Count(ChangeAction.Modify)} to modify, {plan.Count(ChangeAction.Replace)} to replace, {plan.Count(ChangeAction.Remove)} to remove.");
    }
}
