using System.Collections.Concurrent;
using System.Text;

namespace Strata.Engine.Model;

/// <summary>Converts PascalCase enum members to CloudFormation's SCREAMING_SNAKE status names and back.</summary>
internal static class StatusNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string ToCfn(Enum value) => Names.GetOrAdd(value, static v =>
    {
        var name = v.ToString();
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    });

    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(ToCfn(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        throw new FormatException($"'{text}' is not a {typeof(T).Name}");
    }
}
