namespace Strata.Templates.Spec.Generation;

/// <summary>
/// Folds a field's <c>previousTypes</c> into the type a template may supply. The db keeps a property's
/// earlier types when the CloudFormation schema changed it (e.g. <c>Json</c> became a structured type), and
/// templates written against the earlier shape are still valid, so the accepted type is the union of all.
/// </summary>
internal static class TypeWidening
{
    /// <param name="current">The field's current type.</param>
    /// <param name="previous">Earlier types, oldest first (the db's order).</param>
    public static TypeSpec Widen(TypeSpec current, IReadOnlyList<TypeSpec> previous)
    {
        if (previous.Count == 0)
        {
            return current;
        }
        // Current first, then newest to oldest: a validator trying members in order meets the likeliest first.
        var members = new List<TypeSpec>();
        AddFlattened(members, current);
        for (var i = previous.Count - 1; i >= 0; i--)
        {
            AddFlattened(members, previous[i]);
        }
        return members.Count == 1 ? members[0] : new UnionTypeSpec(members.AsReadOnly());
    }

    private static void AddFlattened(List<TypeSpec> members, TypeSpec type)
    {
        if (type is UnionTypeSpec union)
        {
            foreach (var member in union.Types)
            {
                AddFlattened(members, member);
            }
        }
        else if (!members.Contains(type))
        {
            members.Add(type);
        }
    }
}
