using System.Text;

namespace Strata.Templates.Syntax;

/// <summary>
/// A node of a parsed template (JSON or YAML), with its source position. JSON and YAML produce the same
/// shape: YAML short forms (<c>!Ref X</c>) become the long form (<c>{"Ref": "X"}</c>) as a
/// <see cref="MappingNode"/> whose <see cref="MappingNode.ShortFormTag"/> remembers the tag.
/// </summary>
public abstract class TemplateNode
{
    protected TemplateNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    /// <summary>The containing node; null for the document root.</summary>
    public TemplateNode? Parent { get; internal set; }

    /// <summary>The key under which this node sits in its parent mapping, or its index in a sequence.</summary>
    public string? KeyInParent { get; internal set; }

    /// <summary>The template path from the root, e.g. <c>Resources/Web/Properties/ImageId</c>.</summary>
    public string Path
    {
        get
        {
            var parts = new List<string>();
            for (var node = this; node?.Parent is not null; node = node.Parent)
            {
                // A short-form tag is one node in YAML but two (mapping + argument) in the model;
                // the path is that of the mapping key, as cfn-lint reports it.
                parts.Add(node.KeyInParent ?? "");
            }

            parts.Reverse();
            return string.Join('/', parts);
        }
    }

    public abstract NodeKind Kind { get; }

    /// <summary>Builds a copy detached from any parent (used for YAML aliases, which may be reused).</summary>
    internal abstract TemplateNode DeepClone();

    public override string ToString()
    {
        var sb = new StringBuilder();
        TemplateJsonWriter.Write(this, sb, indented: false);
        return sb.ToString();
    }
}

public enum NodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
