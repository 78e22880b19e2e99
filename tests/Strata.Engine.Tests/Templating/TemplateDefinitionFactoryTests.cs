using Strata.Engine.Definition;
using Strata.Engine.Templating;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Engine.Tests.Templating;

/// <summary>
/// The factory reuses a template that was already parsed (and modelled) before the engine got it, as the CLI's
/// pre-flight hands it over, instead of parsing it again.
/// </summary>
public class TemplateDefinitionFactoryTests
{
    private const string Path = "/templates/app.yaml";
    private const string Queues = "Resources:\n  First:\n    Type: AWS::SQS::Queue\n  Second:\n    Type: AWS::SQS::Queue\n";
    private const string Topic = "Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n";

    private static readonly StackIdentity Identity = new("s", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1", "us-east-1", "123456789012");

    private static List<string> ResourcesOf(DefinitionResult result)
    {
        Assert.Empty(result.Errors);
        return [.. result.Definition!.Resources.Select(r => r.LogicalId)];
    }

    private static DefinitionResult Create(TemplateDefinitionFactory factory, TemplateSource template, IReadOnlyDictionary<string, string>? parameters = null) =>
        factory.Create(template, parameters ?? new Dictionary<string, string>(), Identity);

    [Fact]
    public void Create_ParsedDocumentGiven_BuildsFromItWithoutParsingTheBody()
    {
        // The parse of another text stands out: the definition follows the parse handed over, not the body.
        var template = new TemplateSource(Queues, Path) { Parsed = TemplateParser.ParseText(Topic, Path) };

        Assert.Equal(["Alerts"], ResourcesOf(Create(TemplateDefinitionFactory.Instance, template)));
    }

    [Fact]
    public void Create_ModelGiven_BuildsFromIt()
    {
        var topic = TemplateParser.ParseText(Topic, Path);
        var model = TemplateValidator.Validate(topic).Model;
        var template = new TemplateSource(Queues, Path) { Parsed = TemplateParser.ParseText(Queues, Path), Model = model };

        Assert.Equal(["Alerts"], ResourcesOf(Create(TemplateDefinitionFactory.Instance, template)));
    }

    [Fact]
    public void Create_ValidatorModelOfForEachOverAParameter_ExpandsWithTheStacksValues()
    {
        const string Loop = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Names:
                Type: CommaDelimitedList
                Default: a,b
            Resources:
              Fn::ForEach::Queues:
                - Name
                - !Ref Names
                - Queue${Name}:
                    Type: AWS::SQS::Queue
            """;
        var document = TemplateParser.ParseText(Loop, Path);
        var validated = TemplateValidator.Validate(document);
        Assert.Equal(["Queuea", "Queueb"], validated.Model!.Resources.Select(r => r.LogicalId));
        var template = new TemplateSource(Loop, Path) { Parsed = document, Model = validated.Model };

        var result = Create(TemplateDefinitionFactory.Instance, template, new Dictionary<string, string> { ["Names"] = "x,y,z" });

        Assert.Equal(["Queuex", "Queuey", "Queuez"], ResourcesOf(result));
    }

    [Fact]
    public void Create_ReusedParseWithAnError_ReportsItAsParsingWould()
    {
        const string Broken = "Resources:\n  Web:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Missing\n";
        var reused = Create(TemplateDefinitionFactory.Instance, new TemplateSource(Broken, Path) { Parsed = TemplateParser.ParseText(Broken, Path) });
        var parsed = Create(TemplateDefinitionFactory.Instance, new TemplateSource(Broken, Path));

        Assert.Null(reused.Definition);
        Assert.Equal(parsed.Errors, reused.Errors);
        Assert.Contains(reused.Errors, e => e.StartsWith($"{Path}:5:", StringComparison.Ordinal) && e.Contains("Missing", StringComparison.Ordinal));
    }
}
