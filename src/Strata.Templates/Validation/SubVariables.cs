namespace Strata.Templates.Validation;

/// <summary>Reads the <c>${Name}</c> variables of an Fn::Sub string (<c>${!Literal}</c> is an escape, not a variable).</summary>
internal static class SubVariables
{
    public static IEnumerable<string> Variables(string text)
    {
        var start = 0;
        while (true)
        {
            var open = text.IndexOf("${", start, StringComparison.Ordinal);
            if (open < 0)
            {
                yield break;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                yield break;
            }

            start = close + 1;
            if (open + 2 < text.Length && text[open + 2] == '!')
            {
                continue;
            }

            var name = text.AsSpan(open + 2, close - open - 2).Trim();
            if (!name.IsEmpty)
            {
                yield return name.ToString();
            }
        }
    }
}
