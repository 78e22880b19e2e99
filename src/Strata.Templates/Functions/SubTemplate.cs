using System.Text;

namespace Strata.Templates.Functions;

/// <summary>One piece of an <c>Fn::Sub</c> string: literal text, or a <c>${Variable}</c>.</summary>
public readonly record struct SubSegment(string Text, bool IsVariable)
{
    /// <summary>For <c>${Res.Attr}</c>: the part before the first dot; otherwise the whole name.</summary>
    public string Head => IsVariable && Text.IndexOf('.', StringComparison.Ordinal) is var i and > 0 ? Text[..i] : Text;

    /// <summary>For <c>${Res.Attr}</c>: the part after the first dot; otherwise null.</summary>
    public string? Attribute => IsVariable && Text.IndexOf('.', StringComparison.Ordinal) is var i and > 0 ? Text[(i + 1)..] : null;
}

/// <summary>
/// Splits an <c>Fn::Sub</c> string into literal text and <c>${Name}</c> variables. <c>${!Literal}</c>
/// stands for the text <c>${Literal}</c>; a <c>${</c> without a closing brace is literal text.
/// </summary>
public static class SubTemplate
{
    public static IReadOnlyList<SubSegment> Parse(string text)
    {
        var segments = new List<SubSegment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('}', start + 2);
            if (close < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, start - i);
            var inner = text.AsSpan(start + 2, close - start - 2);
            if (inner.Length > 0 && inner[0] == '!')
            {
                literal.Append("${").Append(inner[1..]).Append('}');
            }
            else
            {
                if (literal.Length > 0)
                {
                    segments.Add(new SubSegment(literal.ToString(), false));
                    literal.Clear();
                }

                segments.Add(new SubSegment(inner.Trim().ToString(), true));
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(new SubSegment(literal.ToString(), false));
        }

        return segments;
    }
}
