namespace Strata.Engine.Definition;

/// <summary>A template's text and where it came from (nested templates resolve relative URLs against its folder).</summary>
public sealed record TemplateSource(string Body, string? Path);

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
