using System.CommandLine;
using Strata.Cli.Commands.CloudFormation;
using Strata.Cli.Commands.Engine;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata continue-rollback NAME [--skip LOGICAL_ID]... [--format text|json] [--data DIR]</c>: takes a
/// CloudFormation-mode stack out of UPDATE_ROLLBACK_FAILED (ContinueUpdateRollback) and follows the rollback to its end.
/// Engine stacks roll back by themselves, so for them there is nothing to continue (bad usage).
/// </summary>
public static class ContinueRollbackCommand
{
    public static Command Create(CliContext context)
    {
        var name = EngineCliOptions.StackName();
        var skip = new Option<string[]>("--skip")
        {
            Description = "A resource CloudFormation cannot roll back, by logical id (Nested.Resource inside a nested stack); repeatable",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        var format = EngineCliOptions.TextOrJson();
        var data = EngineCliOptions.Data();
        var command = new Command("continue-rollback", "Continue the rollback of a CloudFormation stack stuck in UPDATE_ROLLBACK_FAILED")
        {
            name, skip, format, data,
        };
        command.SetAction((parse, cancellationToken) => CloudFormationContinueRollback.RunAsync(
            context, parse.GetValue(name)!, parse.GetValue(skip)!, CommonOptions.ParseFormat(parse.GetValue(format)), parse.GetValue(data)!,
            cancellationToken));
        return command;
    }
}
