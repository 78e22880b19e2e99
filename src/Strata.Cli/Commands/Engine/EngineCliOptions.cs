using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Commands.Engine;

/// <summary>Options of the engine commands (plan, up, down, ls, events, outputs, resources), built fresh per command.</summary>
public static partial class EngineCliOptions
{
    public const string DefaultDataDirectory = ".strata";

    public static Option<string> Data() => new("--data")
    {
        Description = "Directory of the state store and the sandbox cloud (default ./.strata, or $STRATA_DATA)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STRATA_DATA") is { Length: > 0 } d ? d : DefaultDataDirectory,
    };

    public static Option<string> Stack() => new("--stack")
    {
        Description = "The stack's name",
        Required = true,
    };

    public static Argument<string> StackName() => new("NAME") { Description = "The stack's name" };

    public static Argument<string> TemplateFile() => new("FILE") { Description = "The template (JSON or YAML)" };

    public static Option<string> TextOrJson() => CommonOptions.Format("text", "json");

    /// <summary>Reads a template file, or fails as bad usage (exit 2) when it cannot be read.</summary>
    public static TemplateFile ReadTemplate(string file)
    {
        var path = System.IO.Path.GetFullPath(file);
        if (Directory.Exists(path))
        {
            throw new UsageException($"{file} is a directory, not a template file");
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"{file} does not exist");
        }
        try
        {
            return new TemplateFile(path, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file} cannot be read: {ex.Message}");
        }
    }

    /// <summary>Parses <c>7d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c>, <c>1h30m</c> (what --ttl and --resource-timeout take).</summary>
    public static TimeSpan? ParseDuration(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            throw new UsageException($"{option} '{text}' is not a duration such as 7d, 12h, 30m, 45s or 1h30m");
        }
        var total = TimeSpan.Zero;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var unit = capture.Value[^1];
            var number = double.Parse(capture.Value[..^1], CultureInfo.InvariantCulture);
            total += unit switch
            {
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromSeconds(number),
            };
        }
        if (total <= TimeSpan.Zero)
        {
            throw new UsageException($"{option} must be longer than zero");
        }
        return total;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[dhms])+$")]
    private static partial Regex DurationPattern();
}
