using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services;

/// <summary>A resource tag (Key/Value), as CloudFormation, EC2 and S3 all use them.</summary>
public sealed record AwsTag(string Key, string Value)
{
    /// <summary>
    /// The tags in an XML response's tag list. The services name the list and its fields differently
    /// (CloudFormation <c>Tags/member/Key</c>, RDS <c>TagList/Tag/Key</c>, EC2 <c>tagSet/item/key</c>).
    /// </summary>
    internal static IReadOnlyList<AwsTag> ListFromXml(XElement? parent, string listName, string keyName = "Key", string valueName = "Value") =>
        parent.Items(listName).Select(t => new AwsTag(t.Text(keyName) ?? "", t.Text(valueName) ?? "")).ToList();
}
