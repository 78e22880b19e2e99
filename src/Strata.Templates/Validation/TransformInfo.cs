using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// Which transforms a template declares. <c>AWS::LanguageExtensions</c> is Strata's own business (it expands
/// it); SAM (<c>AWS::Serverless-2016-10-31</c>) and macros run later, so the template is checked as written.
/// </summary>
internal sealed class TransformInfo
{
    public const string LanguageExtensionsName = "AWS::LanguageExtensions";
    public const string ServerlessName = "AWS::Serverless-2016-10-31";

    public static readonly TransformInfo None = new([]);

    private TransformInfo(IReadOnlyList<string> names)
    {
        Names = names;
        HasLanguageExtensions = names.Contains(LanguageExtensionsName);
        HasServerless = names.Contains(ServerlessName);
        Macros = names.Where(n => n != LanguageExtensionsName && n != ServerlessName).ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    public bool HasLanguageExtensions { get; }

    public bool HasServerless { get; }

    /// <summary>Transforms other than the language extensions and SAM: they may rewrite anything.</summary>
    public IReadOnlyList<string> Macros { get; }

    public bool HasMacros => Macros.Count > 0;

    /// <summary>A transform that Strata does not run itself will change the template after these checks.</summary>
    public bool IsForeign => HasServerless || HasMacros;

    /// <summary>Reads the names from a <c>Transform</c> value: a name, a list of names, or macro objects with a <c>Name</c>.</summary>
    public static TransformInfo From(TemplateNode? node)
    {
        if (node is null)
        {
            return None;
        }

        var names = new List<string>();
        Collect(node, names);
        return names.Count == 0 ? None : new TransformInfo(names);
    }

    private static void Collect(TemplateNode node, List<string> names)
    {
        switch (node)
        {
            case ScalarNode { IsNull: false } scalar:
                names.Add(scalar.Text);
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is not SequenceNode)
                    {
                        Collect(item, names);
                    }
                }

                break;
            case MappingNode map when map.TryGetValue("Name", out var name) && name is ScalarNode { IsNull: false } scalar:
                names.Add(scalar.Text);
                break;
        }
    }
}
