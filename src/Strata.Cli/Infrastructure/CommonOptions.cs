using System.CommandLine;

namespace Strata.Cli.Infrastructure;

/// <summary>Options shared by several commands, built fresh per command (an Option belongs to one parent).</summary>
public static class CommonOptions
{
    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", allowed),
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static Option<string[]> Parameters() => new("--parameter", "-p")
    {
        Description = "A template parameter value, as KEY=VALUE (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public static OutputFormat ParseFormat(string? value) => value switch
    {
        "json" => OutputFormat.Json,
        "sarif" => OutputFormat.Sarif,
        _ => OutputFormat.Text,
    };
}
