using System.Text;

namespace Strata.Templates.Values;

/// <summary>
/// A value known only later: a resource's physical id or attribute, an import, an SSM parameter, the
/// outcome of an undecidable condition, or the result of a function over any of those. It is typed
/// (<see cref="Expected"/>), says where it came from (<see cref="Source"/>, e.g. <c>Web.PublicIp</c>)
/// and which resources it waits for (<see cref="ResourceDependencies"/>).
/// </summary>
public sealed class UnknownValue : Value
{
    private const int MaxSourceLength = 200;

    public UnknownValue(ExpectedKind expected, string source, UnknownReason reason, IReadOnlyList<string>? resourceDependencies = null)
    {
        Expected = expected;
        Source = source;
        Reason = reason;
        ResourceDependencies = resourceDependencies ?? [];
    }

    public ExpectedKind Expected { get; }

    /// <summary>What it came from: <c>Web.PublicIp</c>, <c>Ref Web</c>, <c>Fn::ImportValue SharedVpc</c>, <c>Fn::Join(Web.PublicIp)</c>.</summary>
    public string Source { get; }

    public UnknownReason Reason { get; }

    /// <summary>Logical ids of the resources this value waits for, sorted and distinct.</summary>
    public IReadOnlyList<string> ResourceDependencies { get; }

    public override ValueKind Kind => ValueKind.Unknown;

    public override bool IsFullyKnown => false;

    /// <summary>The value of resource attribute <paramref name="attribute"/> (or its physical id when null).</summary>
    public static UnknownValue FromResource(string logicalId, string? attribute, ExpectedKind expected) =>
        new(expected, attribute is null ? "Ref " + logicalId : logicalId + "." + attribute, UnknownReason.ResourceNotCreated, [logicalId]);

    /// <summary>
    /// The unknown result of <paramref name="function"/> over <paramref name="inputs"/>: it depends on every
    /// resource the unknowns inside the inputs depend on, and keeps the most serious reason among them.
    /// </summary>
    public static UnknownValue Combine(ExpectedKind expected, string function, IEnumerable<Value> inputs)
    {
        var unknowns = new List<UnknownValue>();
        foreach (var input in inputs)
        {
            CollectUnknowns(input, unknowns);
        }

        return Combine(expected, function, unknowns);
    }

    public static UnknownValue Combine(ExpectedKind expected, string function, IReadOnlyList<UnknownValue> unknowns)
    {
        if (unknowns.Count == 0)
        {
            return new UnknownValue(expected, function, UnknownReason.Error);
        }

        var reason = UnknownReason.ResourceNotCreated;
        SortedSet<string>? dependencies = null;
        var source = new StringBuilder(function).Append('(');
        for (var i = 0; i < unknowns.Count; i++)
        {
            var u = unknowns[i];
            if (u.Reason > reason)
            {
                reason = u.Reason;
            }

            if (u.ResourceDependencies.Count > 0)
            {
                dependencies ??= new SortedSet<string>(StringComparer.Ordinal);
                dependencies.UnionWith(u.ResourceDependencies);
            }

            if (source.Length < MaxSourceLength)
            {
                source.Append(i == 0 ? "" : ", ").Append(u.Source);
            }
        }

        if (source.Length > MaxSourceLength)
        {
            source.Length = MaxSourceLength;
            source.Append('…');
        }

        source.Append(')');
        return new UnknownValue(expected, source.ToString(), reason, dependencies is null ? [] : [.. dependencies]);
    }

    /// <summary>Appends every unknown inside <paramref name="value"/> (the value itself, or those in a list or map), iteratively.</summary>
    public static void CollectUnknowns(Value value, List<UnknownValue> into)
    {
        if (value.IsFullyKnown)
        {
            return;
        }

        var pending = new Stack<Value>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case UnknownValue u:
                    into.Add(u);
                    break;
                case ListValue list when !list.IsFullyKnown:
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        pending.Push(list[i]);
                    }

                    break;
                case MapValue map when !map.IsFullyKnown:
                    for (var i = map.Count - 1; i >= 0; i--)
                    {
                        pending.Push(map.Entries[i].Value);
                    }

                    break;
            }
        }
    }

    public override bool Equals(Value? other) =>
        other is UnknownValue u && u.Expected == Expected && u.Reason == Reason && string.Equals(u.Source, Source, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Expected, Reason, StringComparer.Ordinal.GetHashCode(Source));

    public override string ToString() => $"<unknown {Expected.ToString().ToLowerInvariant()} {Source}>";
}
