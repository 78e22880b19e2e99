using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Engine.Definition;

/// <summary>A template's text and where it came from (nested templates resolve relative URLs against its folder).</summary>
public sealed record TemplateSource(string Body, string? Path)
{
    /// <summary>
    /// <see cref="Body"/> already parsed, under the name <see cref="Path"/> (by a pre-flight validation, say), so that
    /// the definition factory does not parse it again. Null: the factory parses the body.
    /// </summary>
    public ParsedDocument? Parsed { get; init; }

    /// <summary>
    /// The model built from <see cref="Parsed"/> (the validator builds one). Reused unless the template uses
    /// <c>AWS::LanguageExtensions</c>, whose <c>Fn::ForEach</c> expansion depends on the stack's parameter values.
    /// </summary>
    public Template? Model { get; init; }
}

/// <summary>The pseudo parameters of a stack.</summary>
public sealed record StackIdentity(string StackName, string StackId, string Region, string AccountId);

/// <summary>A definition, or why the template cannot be applied (messages name the file, line and key).</summary>
public sealed record DefinitionResult(IStackDefinition? Definition, IReadOnlyList<string> Errors)
{
    public static DefinitionResult Failed(params string[] errors) => new(null, errors);
}

/// <summary>Turns a template and parameter values into an <see cref="IStackDefinition"/>.</summary>
public interface IStackDefinitionFactory
{
    DefinitionResult Create(TemplateSource template, IReadOnlyDictionary<string, string> parameters, StackIdentity identity);
}
