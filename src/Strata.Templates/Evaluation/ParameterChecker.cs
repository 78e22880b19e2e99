using System.Globalization;
using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>Types and checks one parameter value against its declaration.</summary>
internal sealed class ParameterChecker(ParameterDecl decl, DiagnosticBag diagnostics)
{
    private bool _isDefault;

    public Value Check(string text, bool isDefault, Func<string, string?>? ssmLookup)
    {
        _isDefault = isDefault;
        var type = decl.TypeInfo;
        switch (type.Category)
        {
            case ParameterCategory.Number:
                return CheckNumber(text) ? Value.Num(text.Trim()) : Value.Str(text);
            case ParameterCategory.NumberList:
                var numbers = SplitList(text);
                var allNumbers = true;
                foreach (var item in numbers)
                {
                    allNumbers &= IsNumber(item);
                }

                if (!allNumbers)
                {
                    return Value.StringList(numbers);
                }

                CheckItems(numbers, text, static (checker, item) =>
                {
                    if (checker.IsNumber(item))
                    {
                        checker.CheckNumberConstraints(item);
                    }
                });
                return new ListValue(numbers.Select(n => (Value)Value.Num(n)).ToArray());
            case ParameterCategory.CommaDelimitedList:
                var items = SplitList(text);
                CheckItems(items, text, static (checker, item) => checker.CheckString(item));
                return Value.StringList(items);
            case ParameterCategory.AwsSpecific:
                CheckAws(type.ElementType!, text);
                CheckString(text);
                return Value.Str(text);
            case ParameterCategory.AwsSpecificList:
                var ids = SplitList(text);
                foreach (var id in ids)
                {
                    CheckAws(type.ElementType!, id);
                }

                CheckItems(ids, text, static (checker, item) => checker.CheckString(item));
                return Value.StringList(ids);
            case ParameterCategory.SsmParameterName:
                if (text.Length == 0)
                {
                    Report(ParameterRules.InvalidAwsValue, "must be the name of an SSM parameter; got an empty value");
                }

                CheckString(text);
                return Value.Str(text);
            case ParameterCategory.SsmParameterValue:
                return SsmValue(text, type, ssmLookup);
            default:
                CheckString(text);
                return Value.Str(text);
        }
    }

    /// <summary>CloudFormation splits on commas and trims each item.</summary>
    private static List<string> SplitList(string text)
    {
        var parts = text.Split(',');
        var result = new List<string>(parts.Length);
        foreach (var p in parts)
        {
            result.Add(p.Trim());
        }

        return result;
    }

    private Value SsmValue(string name, ParameterType type, Func<string, string?>? ssmLookup)
    {
        if (name.Length == 0)
        {
            Report(ParameterRules.InvalidAwsValue, "must be the name of an SSM parameter; got an empty value");
        }

        if (ssmLookup?.Invoke(name) is { } stored)
        {
            // The stored value is typed as the inner type (and its constraints apply).
            var inner = new ParameterDecl { Name = decl.Name, Node = decl.Node, KeyLocation = decl.KeyLocation, Type = type.SsmValueType!.Text, TypeInfo = type.SsmValueType };
            return new ParameterChecker(inner, diagnostics).Check(stored, _isDefault, null);
        }

        return new UnknownValue(type.ExpectedKind, $"SSM parameter {name} (parameter {decl.Name})", UnknownReason.ParameterNotResolved);
    }

    private bool CheckNumber(string text)
    {
        if (!IsNumber(text))
        {
            return false;
        }

        CheckNumberConstraints(text);
        return true;
    }

    private bool IsNumber(string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        Report(ParameterRules.NotANumber, $"must be a number; got '{text}'");
        return false;
    }

    private void CheckNumberConstraints(string text)
    {
        var number = double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        CheckAllowedValues(text.Trim());
        if ((decl.MinValue is { } min && number < min) || (decl.MaxValue is { } max && number > max))
        {
            Report(ParameterRules.ValueOutOfRange, $"must be {Range(decl.MinValue, decl.MaxValue)}; got {text.Trim()}");
        }
    }

    /// <summary>
    /// Checks each item of a list value; when an item fails but the whole text passes (AllowedValues that
    /// contain commas), the value is accepted — as cfn-lint does, so the same templates pass.
    /// </summary>
    private void CheckItems(List<string> items, string whole, Action<ParameterChecker, string> check)
    {
        var itemFindings = new DiagnosticBag();
        var itemChecker = new ParameterChecker(decl, itemFindings) { _isDefault = _isDefault };
        foreach (var item in items)
        {
            check(itemChecker, item);
        }

        if (itemFindings.HasErrors && items.Count > 1)
        {
            var wholeFindings = new DiagnosticBag();
            var wholeChecker = new ParameterChecker(decl, wholeFindings) { _isDefault = _isDefault };
            check(wholeChecker, whole);
            if (!wholeFindings.HasErrors)
            {
                return;
            }
        }

        diagnostics.AddRange(itemFindings.Items);
    }

    private void CheckString(string text)
    {
        CheckAllowedValues(text);
        if (decl.AllowedPattern is { } pattern)
        {
            switch (ParameterFormats.MatchesFully(pattern, text))
            {
                case false:
                    Report(ParameterRules.PatternMismatch, $"must match the pattern {pattern}; got '{text}'");
                    break;
                case null when !_isDefault:
                    diagnostics.Add(Diagnostic.Info(ParameterRules.InvalidPattern, $"Parameter '{decl.Name}' AllowedPattern {pattern} is not a regular expression Strata can check", Where.Path, Where.Location));
                    break;
            }
        }

        if ((decl.MinLength is { } min && text.Length < min) || (decl.MaxLength is { } max && text.Length > max))
        {
            Report(ParameterRules.LengthOutOfRange, $"must be {Range(decl.MinLength, decl.MaxLength)} characters long; got {text.Length}");
        }
    }

    private void CheckAllowedValues(string text)
    {
        if (decl.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Report(ParameterRules.NotAllowedValue, $"must be one of [{string.Join(", ", allowed)}]; got '{text}'");
        }
    }

    private void CheckAws(string awsType, string text)
    {
        if (ParameterFormats.CheckAwsValue(awsType, text) is { } expected)
        {
            Report(ParameterRules.InvalidAwsValue, $"of type {awsType} must be {expected}; got '{text}'");
        }
    }

    private TemplateNode Where => _isDefault && decl.DefaultNode is not null ? decl.DefaultNode : decl.Node;

    private void Report(string rule, string problem)
    {
        var subject = _isDefault ? $"Parameter '{decl.Name}' Default" : $"Parameter '{decl.Name}'";
        var message = $"{subject} {problem}";
        if (decl.ConstraintDescription is { Length: > 0 } description)
        {
            message += $" ({description})";
        }

        diagnostics.Add(Diagnostic.Error(_isDefault ? ParameterRules.DefaultViolatesConstraints : rule, message, Where.Path, Where.Location));
    }

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) => $"between {a.ToString(CultureInfo.InvariantCulture)} and {b.ToString(CultureInfo.InvariantCulture)}",
        ({ } a, null) => $"at least {a.ToString(CultureInfo.InvariantCulture)}",
        (null, { } b) => $"at most {b.ToString(CultureInfo.InvariantCulture)}",
        _ => "in range",
    };

    private static string Range(int? min, int? max) => Range((double?)min, (double?)max);
}
