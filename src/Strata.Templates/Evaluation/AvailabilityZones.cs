namespace Strata.Templates.Evaluation;

/// <summary>
/// Availability zone names per region for offline <c>Fn::GetAZs</c>. Real accounts may see a subset
/// (zones are mapped per account); these are the zones a new account sees. Regions not listed get a..c.
/// </summary>
public static class AvailabilityZones
{
    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "abcdef",
        ["us-east-2"] = "abc",
        ["us-west-1"] = "ab",
        ["us-west-2"] = "abcd",
        ["ca-central-1"] = "abd",
        ["ap-northeast-1"] = "acd",
        ["ap-northeast-2"] = "abcd",
        ["cn-north-1"] = "abd",
    };

    public static IReadOnlyList<string> For(string region)
    {
        var letters = Letters.GetValueOrDefault(region, "abc");
        var zones = new string[letters.Length];
        for (var i = 0; i < letters.Length; i++)
        {
            zones[i] = region + letters[i];
        }

        return zones;
    }
}
