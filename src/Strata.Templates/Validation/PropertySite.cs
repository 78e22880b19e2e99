using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// Where a value sits, for findings about it: the node (its template path) and the position to report — a
/// property's key, as cfn-lint reports it, or a list item's own position. Path and the name used in messages
/// are computed only when a finding is made, so checking a valid template allocates nothing per property.
/// </summary>
internal readonly record struct PropertySite(TemplateNode Node, SourceLocation Location)
{
    public string Path => Node.Path;

    public static PropertySite ForEntry(MappingEntry entry) => new(entry.Value, entry.KeyLocation);

    public static PropertySite ForNode(TemplateNode node) => new(node, node.Location);

    /// <summary>How a message names the value: <c>'BucketName'</c> or <c>item 2 of 'SecurityGroupIds'</c>.</summary>
    public string Subject
    {
        get
        {
            string? index = null;
            for (var node = Node; node.Parent is not null; node = node.Parent)
            {
                var key = node.KeyInParent ?? "";
                if (node.Parent is SequenceNode sequence)
                {
                    // The arguments of Fn::If are not list items of the property; the branch stands for the property.
                    var isFunctionArgument = sequence.Parent is MappingNode owner && Intrinsics.TryGetFunction(owner, out _, out _);
                    if (index is null && !isFunctionArgument)
                    {
                        index = key;
                    }

                    continue;
                }

                if (Intrinsics.IsFunctionName(key))
                {
                    continue;
                }

                return index is null ? $"'{key}'" : $"item {index} of '{key}'";
            }

            return "the value";
        }
    }
}
