using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>What every rule sees: the document, its index, the options, and where to report findings.</summary>
internal sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;

    public RuleContext(
        ParsedDocument document,
        MappingNode root,
        TemplateIndex index,
        ValidationOptions options,
        ResourceSpecification spec,
        Template? model,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        Index = index;
        Options = options;
        Spec = spec;
        Model = model;
        _diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    public ParsedDocument Document { get; }

    public MappingNode Root { get; }

    public TemplateIndex Index { get; }

    public ValidationOptions Options { get; }

    public ResourceSpecification Spec { get; }

    /// <summary>
    /// The template model (built by <see cref="TemplateModel"/>, with AWS::LanguageExtensions expanded), or null
    /// when building it failed; rules that delegate to the model's components then do nothing.
    /// </summary>
    public Template? Model { get; }

    public CancellationToken CancellationToken { get; }

    public TransformInfo Transform => Index.Transform;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Error(string rule, string message, TemplateNode node) =>
        Report(Diagnostic.Error(rule, message, node.Path, node.Location));

    public void Error(string rule, string message, string path, SourceLocation location) =>
        Report(Diagnostic.Error(rule, message, path, location));

    public void Warning(string rule, string message, string path, SourceLocation location) =>
        Report(Diagnostic.Warning(rule, message, path, location));

    public void Info(string rule, string message, string? path, SourceLocation location) =>
        Report(Diagnostic.Info(rule, message, path, location));

    /// <summary>Reports at a mapping key (the key's own position, as cfn-lint does for properties).</summary>
    public void ErrorAtKey(string rule, string message, MappingNode owner, MappingEntry entry) =>
        Report(Diagnostic.Error(rule, message, JoinPath(owner.Path, entry.Key), entry.KeyLocation));

    public static string JoinPath(string parent, string child) => parent.Length == 0 ? child : parent + "/" + child;
}
