using Strata.Templates.Diagnostics;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>
/// A template's model: every section, with declarations in template order and their source nodes.
/// Built by <see cref="TemplateModel.Build"/>; when the template uses <c>AWS::LanguageExtensions</c>,
/// the model is that of the expanded template (Fn::ForEach applied) and <see cref="Root"/> is the
/// expanded tree (nodes keep the lines of the text they were copied from).
/// </summary>
public sealed class Template
{
    public required string FileName { get; init; }

    /// <summary>The template's root mapping (expanded when a transform was applied); null when it is not a mapping.</summary>
    public MappingNode? Root { get; init; }

    /// <summary>The root as written, before any transform.</summary>
    public TemplateNode? SourceRoot { get; init; }

    public string? FormatVersion { get; init; }

    public string? Description { get; init; }

    public TemplateNode? Metadata { get; init; }

    public DeclarationTable<ParameterDecl> Parameters { get; init; } = DeclarationTable<ParameterDecl>.Empty;

    public DeclarationTable<RuleDecl> Rules { get; init; } = DeclarationTable<RuleDecl>.Empty;

    public DeclarationTable<MappingDecl> Mappings { get; init; } = DeclarationTable<MappingDecl>.Empty;

    public DeclarationTable<ConditionDecl> Conditions { get; init; } = DeclarationTable<ConditionDecl>.Empty;

    public IReadOnlyList<TransformDecl> Transforms { get; init; } = [];

    public DeclarationTable<ResourceDecl> Resources { get; init; } = DeclarationTable<ResourceDecl>.Empty;

    public DeclarationTable<OutputDecl> Outputs { get; init; } = DeclarationTable<OutputDecl>.Empty;

    /// <summary>Structural findings made while building the model (and expanding Fn::ForEach).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when Transform includes <c>AWS::LanguageExtensions</c> (Fn::ForEach, Fn::Length, Fn::ToJsonString, FindInMap DefaultValue).</summary>
    public bool HasLanguageExtensions { get; init; }

    /// <summary>True when Transform names anything Strata does not apply itself (SAM, macros): the model is of the template as written.</summary>
    public bool HasUnappliedTransforms { get; init; }

    /// <summary>The entry of a top-level section (key location and value), or null.</summary>
    public MappingEntry? Section(string name) => Root?.GetEntry(name);
}
