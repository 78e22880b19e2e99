using Spectre.Console;
using Spectre.Console.Rendering;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// The live tree <c>up</c> and <c>down</c> draw on a terminal: each stack with its resources, status,
/// elapsed time and an ETA for what is in progress, redrawn as events arrive and as time passes.
/// </summary>
public static class LiveView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    public static async Task<T> RunAsync<T>(TextWriter output, bool color, ProgressBoard board, TimeProvider time, Func<Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        await console.Live(Render(board, time.GetUtcNow())).AutoClear(false).StartAsync(async context =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                context.UpdateTarget(Render(board, time.GetUtcNow()));
                await Task.WhenAny(task, Task.Delay(Refresh, time)).ConfigureAwait(false);
            }
            context.UpdateTarget(Render(board, time.GetUtcNow()));
            result = await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    internal static IRenderable Render(ProgressBoard board, DateTimeOffset now)
    {
        var trees = new List<IRenderable>();
        foreach (var stack in board.Stacks)
        {
            var (own, resources) = board.Snapshot(stack);
            var header = $"[bold]{Markup.Escape(stack)}[/]" + (own is null ? "" : $"  {Status(own.Status)}  {Elapsed(own, now)}");
            var tree = new Tree(new Markup(header));
            var idWidth = resources.Count == 0 ? 0 : resources.Max(r => r.LogicalId.Length);
            var typeWidth = resources.Count == 0 ? 0 : resources.Max(r => r.Type.Length);
            foreach (var row in resources)
            {
                var eta = board.Eta(row, now) is { } left ? $"  [grey]ETA ~{Seconds(left)}[/]" : "";
                var reason = row.Status.EndsWith("FAILED", StringComparison.Ordinal) && row.Reason is { Length: > 0 } r ? $"  [red]{Markup.Escape(Shorten(r, 100))}[/]" : "";
                tree.AddNode(new Markup(
                    $"{Markup.Escape(row.LogicalId.PadRight(idWidth))}  [grey]{Markup.Escape(row.Type.PadRight(typeWidth))}[/]  {Status(row.Status)}  {Elapsed(row, now)}{eta}{reason}"));
            }
            trees.Add(tree);
        }
        return new Rows(trees);
    }

    private static string Status(string status)
    {
        var style = status switch
        {
            "PENDING" => "grey",
            "DELETE_SKIPPED" => "blue",
            _ when status.EndsWith("FAILED", StringComparison.Ordinal) => "red",
            _ when status.StartsWith("ROLLBACK", StringComparison.Ordinal) || status.StartsWith("UPDATE_ROLLBACK", StringComparison.Ordinal) => "darkorange",
            _ when status.EndsWith("IN_PROGRESS", StringComparison.Ordinal) => "yellow",
            "DELETE_COMPLETE" => "grey",
            _ => "green",
        };
        return $"[{style}]{status.PadRight(20)}[/]";
    }

    private static string Elapsed(ProgressRow row, DateTimeOffset now) =>
        row.StartedAt is { } start ? Seconds((row.FinishedAt ?? now) - start) : "";

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{span.TotalSeconds:0.0}s" : $"{(int)span.TotalMinutes}m{span.Seconds:00}s";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
