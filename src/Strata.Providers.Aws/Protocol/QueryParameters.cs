using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// The flat name/value list of an AWS Query or EC2 request. Lists are numbered from 1:
/// <c>Name.member.N</c> for Query, <c>Name.N</c> for EC2.
/// </summary>
public sealed class QueryParameters(AwsProtocol style)
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public QueryParameters Add(string name, string? value)
    {
        if (value is not null) _items.Add(new(name, value));
        return this;
    }

    public QueryParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryParameters Add(string name, int? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string ItemPrefix(string listName, int index) =>
        style == AwsProtocol.Ec2Query ? $"{listName}.{index}" : $"{listName}.member.{index}";

    public QueryParameters AddList(string listName, IEnumerable<string>? values)
    {
        var index = 0;
        foreach (var value in values ?? []) Add(ItemPrefix(listName, ++index), value);
        return this;
    }

    /// <summary>Adds a list of structures; <paramref name="addItem"/> receives each item's prefix (e.g. <c>Tags.member.2</c>).</summary>
    public QueryParameters AddList<T>(string listName, IEnumerable<T>? items, Action<QueryParameters, string, T> addItem)
    {
        var index = 0;
        foreach (var item in items ?? []) addItem(this, ItemPrefix(listName, ++index), item);
        return this;
    }

    public string ToFormString() =>
        string.Join('&', _items.Select(p => AwsUriEncoding.Encode(p.Key) + "=" + AwsUriEncoding.Encode(p.Value)));
}
