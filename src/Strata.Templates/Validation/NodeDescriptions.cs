using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>Short, user-facing descriptions of values for messages ("a list", "the string 'abc'").</summary>
internal static class NodeDescriptions
{
    private const int MaxShown = 60;

    public static string Describe(TemplateNode node) => node switch
    {
        ScalarNode { IsNull: true } => "null",
        ScalarNode { Type: ScalarType.String } s => $"the string '{Shorten(s.Text)}'",
        ScalarNode { Type: ScalarType.Number } s => $"the number {Shorten(s.Text)}",
        ScalarNode { Type: ScalarType.Boolean } s => $"the boolean {Shorten(s.Text)}",
        MappingNode m when Intrinsics.TryGetFunction(m, out var name, out _) => name,
        MappingNode => "a mapping",
        SequenceNode => "a list",
        _ => "a value",
    };

    public static string Shorten(string text) =>
        text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");

    /// <summary>"'A', 'B' or 'C'" for messages listing alternatives.</summary>
    public static string OneOf(IEnumerable<string> values, int max = 12)
    {
        var list = values.Take(max + 1).Select(v => $"'{v}'").ToList();
        if (list.Count > max)
        {
            list[max] = "…";
        }

        return list.Count switch
        {
            0 => "(none)",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1],
        };
    }
}
