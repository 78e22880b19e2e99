using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Functions;

/// <summary>
/// <c>Fn::ImportValue name</c>: a value another stack exports. Resolved through the context's
/// <see cref="IResourceStateResolver.TryGetImport"/>; unknown otherwise. The name may not depend on resources.
/// </summary>
public sealed class ImportValueFunction : FunctionExpression
{
    public const string FunctionName = "Fn::ImportValue";
    private readonly Expression[] _children = [];

    public ImportValueFunction(MappingNode call, TemplateNode argument)
        : base(call, argument)
    {
        if (argument is ScalarNode { Type: not ScalarType.Null } || IsCall(argument))
        {
            ExportName = Parse(argument);
            _children = [ExportName];
        }
        else
        {
            Problem($"Fn::ImportValue needs an export name or a function returning one; got {Describe(argument)}");
        }
    }

    public override string Name => FunctionName;

    public override string RuleId => FunctionRules.ImportValue;

    public override ExpectedKind ResultKind => ExpectedKind.Any;

    public Expression? ExportName { get; }

    public override IReadOnlyList<Expression> Children => _children;

    protected override Value EvaluateCore(EvaluationContext context)
    {
        var name = ExportName!.Evaluate(context);
        if (name is UnknownValue)
        {
            return UnknownOver(name);
        }

        if (!name.TryGetText(out var exportName))
        {
            return context.Fail(this, RuleId, $"Fn::ImportValue needs an export name; got {name}", ResultKind);
        }

        return context.Resources.TryGetImport(exportName, out var value)
            ? value
            : new UnknownValue(ExpectedKind.Any, "Fn::ImportValue " + exportName, UnknownReason.ImportNotResolved);
    }

    protected override void ValidateCore(ValidationContext context)
    {
        var template = context.Template;
        if (template is null)
        {
            return;
        }

        var finder = new ResourceReferenceFinder(template);
        ExportName!.Accept(finder);
        if (finder.Found is { } resource)
        {
            context.Report(RuleId, $"Fn::ImportValue's export name can't depend on a resource ('{resource}')", Argument);
        }
    }

    private sealed class ResourceReferenceFinder(Model.Template template) : ReferenceVisitor
    {
        public string? Found { get; private set; }

        public override void OnRef(string target, Expression at)
        {
            if (template.Resources.Contains(target))
            {
                Found ??= target;
            }
        }

        public override void OnGetAtt(string resource, string? attribute, Expression at) => Found ??= resource;
    }
}
