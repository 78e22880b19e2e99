using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Tests.Protocol;

public sealed class QueryParametersTests
{
    [Fact]
    public void AddList_QueryStyle_NumbersMembersFromOne()
    {
        var p = new QueryParameters(AwsProtocol.Query)
            .AddList("Capabilities", ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
            .AddList("Tags", new[] { ("k1", "v1") }, (q, prefix, t) => q.Add(prefix + ".Key", t.Item1).Add(prefix + ".Value", t.Item2));

        Assert.Equal(
            ["Capabilities.member.1=CAPABILITY_IAM", "Capabilities.member.2=CAPABILITY_AUTO_EXPAND", "Tags.member.1.Key=k1", "Tags.member.1.Value=v1"],
            p.Items.Select(i => $"{i.Key}={i.Value}"));
    }

    [Fact]
    public void AddList_Ec2Style_UsesFlatNumbering()
    {
        var p = new QueryParameters(AwsProtocol.Ec2Query)
            .AddList("Filter", new[] { ("tag:strata:stack", new[] { "a", "b" }) },
                (q, prefix, f) => q.Add(prefix + ".Name", f.Item1).AddList(prefix + ".Value", f.Item2));

        Assert.Equal(["Filter.1.Name=tag:strata:stack", "Filter.1.Value.1=a", "Filter.1.Value.2=b"], p.Items.Select(i => $"{i.Key}={i.Value}"));
    }

    [Fact]
    public void Add_NullValues_AreLeftOut()
    {
        var p = new QueryParameters(AwsProtocol.Query).Add("A", (string?)null).Add("B", (bool?)null).Add("C", (int?)null).Add("D", true).Add("E", 42);

        Assert.Equal(["D=true", "E=42"], p.Items.Select(i => $"{i.Key}={i.Value}"));
    }

    [Fact]
    public void ToFormString_ReservedAndUnicodeCharacters_ArePercentEncoded()
    {
        var form = new QueryParameters(AwsProtocol.Query).Add("TemplateBody", "a b+c/d=é~").ToFormString();

        Assert.Equal("TemplateBody=a%20b%2Bc%2Fd%3D%C3%A9~", form);
    }
}
