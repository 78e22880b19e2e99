using Strata.Templates.Validation;

namespace Strata.Templates.Tests.Validation;

public class SubVariablesTests
{
    [Theory]
    [InlineData("plain text", new string[0])]
    [InlineData("${A}-${B.Arn}", new[] { "A", "B.Arn" })]
    [InlineData("${!Literal} and ${ Spaced }", new[] { "Spaced" })]
    [InlineData("${AWS::Region}${}", new[] { "AWS::Region" })]
    [InlineData("unterminated ${A", new string[0])]
    public void Variables_SubString_ReturnsTheNamedVariables(string text, string[] expected)
    {
        Assert.Equal(expected, SubVariables.Variables(text).ToArray());
    }
}
