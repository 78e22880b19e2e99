namespace Strata.Templates.Spec.Generation;

/// <summary>
/// Deep comparison of two resource types, reporting where they first differ. The generator uses it to
/// prove the file it wrote decodes back to what it read; the tests use it for the same round trip.
/// </summary>
internal static class SpecDifference
{
    /// <returns>null when equal, else a description such as <c>AWS::EC2::Instance property ImageId: Required true vs false</c>.</returns>
    public static string? Find(ResourceTypeSpec expected, ResourceTypeSpec actual)
    {
        var where = expected.Name;
        return Differ(where, "Name", expected.Name, actual.Name)
            ?? Differ(where, "PrimaryIdentifier", Join(expected.PrimaryIdentifier), Join(actual.PrimaryIdentifier))
            ?? Differ(where, "RefIdentifier", JoinOrNull(expected.RefIdentifier), JoinOrNull(actual.RefIdentifier))
            ?? Differ(where, "TagInformation", expected.TagInformation, actual.TagInformation)
            ?? Differ(where, "ArnTemplate", expected.ArnTemplate, actual.ArnTemplate)
            ?? Differ(where, "IsStateful", expected.IsStateful, actual.IsStateful)
            ?? Differ(where, "RequiredTransform", expected.RequiredTransform, actual.RequiredTransform)
            ?? Differ(where, "AdditionalReplacementPaths",
                string.Join(" ; ", expected.AdditionalReplacementPaths.Select(Join)),
                string.Join(" ; ", actual.AdditionalReplacementPaths.Select(Join)))
            ?? Properties($"{where} property", expected.Properties, actual.Properties)
            ?? Keyed($"{where} attribute", expected.Attributes, actual.Attributes, (name, left, right) =>
                Differ(name, "Type", left.Type, right.Type) ?? Differ(name, "DeclaredType", left.DeclaredType, right.DeclaredType))
            ?? Keyed($"{where} type", expected.PropertyTypes, actual.PropertyTypes, (name, left, right) =>
                Properties($"{name} property", left.Properties, right.Properties));
    }

    private static string? Properties(string where, IReadOnlyDictionary<string, PropertySpec> expected, IReadOnlyDictionary<string, PropertySpec> actual) =>
        Keyed(where, expected, actual, (name, left, right) =>
            Differ(name, "Type", left.Type, right.Type)
            ?? Differ(name, "DeclaredType", left.DeclaredType, right.DeclaredType)
            ?? Differ(name, "Required", left.Required, right.Required)
            ?? Differ(name, "Replacement", left.Replacement, right.Replacement)
            ?? Differ(name, "Deprecated", left.Deprecated, right.Deprecated)
            ?? Differ(name, "AllowedValues", JoinOrNull(left.AllowedValues), JoinOrNull(right.AllowedValues)));

    // Compares keys in order too: the spec's property order is kept so generated code and messages are stable.
    private static string? Keyed<T>(string where, IReadOnlyDictionary<string, T> expected, IReadOnlyDictionary<string, T> actual,
        Func<string, T, T, string?> compare)
    {
        var keyDifference = Differ(where, "names", string.Join(",", expected.Keys), string.Join(",", actual.Keys));
        if (keyDifference is not null)
        {
            return keyDifference;
        }
        foreach (var (key, value) in expected)
        {
            var difference = compare($"{where} {key}", value, actual[key]);
            if (difference is not null)
            {
                return difference;
            }
        }
        return null;
    }

    private static string? Differ<T>(string where, string field, T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"{where}: {field} {expected} vs {actual}";

    private static string Join(IReadOnlyList<string> values) => string.Join(",", values);

    private static string? JoinOrNull(IReadOnlyList<string>? values) => values is null ? null : Join(values);
}
