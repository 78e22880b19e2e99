using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;
using Strata.Templates.Values;

namespace Strata.Templates.Tests.Validation;

/// <summary>The validator hands back what it read (document and model), so callers such as `strata up` need not read it again.</summary>
public class ValidatedModelTests
{
    private const string Template = """
        Parameters:
          Size: { Type: String, Default: t3.micro }
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Sub "${Queue}-${Size}"
        """;

    [Fact]
    public void Validate_ValidTemplate_ReturnsTheDocumentAndTheModelBuiltFromIt()
    {
        var document = TemplateParser.ParseText(Template, "t.yaml");

        var result = TemplateValidator.Validate(document);

        Assert.True(result.IsValid);
        Assert.Same(document, result.Document);
        Assert.NotNull(result.Model);
        Assert.Same(document.Root, result.Model.SourceRoot);
        Assert.Equal(["Queue", "Topic"], result.Model.Resources.Select(r => r.LogicalId));
    }

    [Fact]
    public void Validate_UnparsableTemplate_ReturnsNoModel()
    {
        var document = TemplateParser.ParseText("Resources: [1, 2\n", "t.yaml");

        var result = TemplateValidator.Validate(document);

        Assert.False(result.IsValid);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Prepare_WithTheValidatorsModel_ResolvesAsPreparingFromTheDocument()
    {
        var document = TemplateParser.ParseText(Template, "t.yaml");
        var model = TemplateValidator.Validate(document).Model!;
        var inputs = new EvaluationInputs { Parameters = new Dictionary<string, string> { ["Size"] = "m5.large" } };

        var reused = TemplateEvaluator.Prepare(document, model, inputs);
        var fresh = TemplateEvaluator.Prepare(document, inputs);

        Assert.Same(model, reused.Template);
        Assert.Equal(fresh.Resources.Select(r => r.LogicalId), reused.Resources.Select(r => r.LogicalId));
        Assert.Equal(fresh.Diagnostics.Select(d => d.Message), reused.Diagnostics.Select(d => d.Message));
        var state = new ResourceState();
        state.References["Queue"] = Value.Str("queue-url");
        Assert.Equal(
            fresh.ResolveProperties("Topic", state).JsonObject!.ToJsonString(),
            reused.ResolveProperties("Topic", state).JsonObject!.ToJsonString());
        Assert.Equal("""{"TopicName":"queue-url-m5.large"}""", reused.ResolveProperties("Topic", state).JsonObject!.ToJsonString());
    }
}
