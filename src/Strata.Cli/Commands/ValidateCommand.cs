using System.CommandLine;
using System.Reflection;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Cli.Commands;

/// <summary><c>strata validate FILE... [--parameter K=V]... [--format text|json|sarif]</c>.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Template files (JSON or YAML)", Arity = ArgumentArity.OneOrMore };
        var parameters = CommonOptions.Parameters();
        var format = CommonOptions.Format("text", "json", "sarif");
        var command = new Command("validate", "Check templates against the CloudFormation specification") { files, parameters, format };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(files)!,
            ParameterArguments.Parse(parse.GetValue(parameters)!),
            CommonOptions.ParseFormat(parse.GetValue(format))));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> parameters, OutputFormat format)
    {
        var options = new ValidationOptions { Parameters = parameters, Spec = ResourceSpecification.Default };
        var results = new FileValidation[paths.Count];

        // Files are independent: validate them in parallel, report in the order given.
        Parallel.For(0, paths.Count, i =>
        {
            var document = TemplateParser.ParseFile(paths[i]);
            var diagnostics = TemplateValidator.Validate(document, options).Diagnostics;
            results[i] = new FileValidation(paths[i], diagnostics, document.IsUnreadable);
        });

        switch (format)
        {
            case OutputFormat.Json:
                WriteDocument(context.Out, stream => ValidateJsonWriter.Write(stream, results));
                break;
            case OutputFormat.Sarif:
                WriteDocument(context.Out, stream => SarifWriter.Write(stream, results, Version));
                break;
            default:
                TextDiagnosticWriter.Write(context.Out, results, context.UseColor);
                break;
        }

        if (results.Any(r => r.Unreadable))
        {
            return ExitCodes.Usage;
        }

        return results.All(r => r.Valid) ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string Version =>
        typeof(ValidateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static void WriteDocument(TextWriter output, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }
}
