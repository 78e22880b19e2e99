using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Model;

public sealed class TemplateModelTests
{
    private const string Full = """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: A web server
        Metadata:
          Owner: team
        Transform: [AWS::LanguageExtensions]
        Parameters:
          InstanceType:
            Type: String
            Default: t3.micro
            AllowedValues: [t3.micro, t3.small]
            Description: Size
            ConstraintDescription: pick a size
          Port:
            Type: Number
            MinValue: 1
            MaxValue: 65535
            Default: 80
          Name:
            Type: String
            AllowedPattern: "[a-z]+"
            MinLength: 1
            MaxLength: 10
            NoEcho: true
        Mappings:
          RegionMap:
            us-east-1: { Ami: ami-1 }
        Conditions:
          IsSmall: !Equals [!Ref InstanceType, t3.small]
        Resources:
          Web:
            Type: AWS::EC2::Instance
            DependsOn: [Sg]
            Condition: IsSmall
            DeletionPolicy: Retain
            UpdateReplacePolicy: Snapshot
            CreationPolicy: { ResourceSignal: { Count: 1 } }
            UpdatePolicy: { AutoScalingReplacingUpdate: { WillReplace: true } }
            Metadata: { Strata::Sandbox: { CreateSeconds: 3 } }
            Properties:
              InstanceType: !Ref InstanceType
          Sg:
            Type: AWS::EC2::SecurityGroup
            DependsOn: Other
          Other:
            Type: Custom::Thing
        Outputs:
          Url:
            Value: !GetAtt Web.PublicDnsName
            Description: the url
            Condition: IsSmall
            Export: { Name: !Sub "${AWS::StackName}-url" }
        """;

    [Fact]
    public void Build_FullTemplate_ReadsEverySection()
    {
        var t = BuildModel(Full);
        Assert.Empty(t.Diagnostics);
        Assert.Equal("2010-09-09", t.FormatVersion);
        Assert.Equal("A web server", t.Description);
        Assert.NotNull(t.Metadata);
        Assert.True(t.HasLanguageExtensions);
        Assert.False(t.HasUnappliedTransforms);
        Assert.Equal(TransformDecl.LanguageExtensions, Assert.Single(t.Transforms).Name);
        Assert.Equal(["InstanceType", "Port", "Name"], t.Parameters.Select(p => p.Name));
        Assert.Equal(["RegionMap"], t.Mappings.Select(m => m.Name));
        Assert.Equal(["IsSmall"], t.Conditions.Select(c => c.Name));
        Assert.Equal(["Web", "Sg", "Other"], t.Resources.Select(r => r.LogicalId));
        Assert.Equal(["Url"], t.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Build_Parameters_ReadEveryConstraint()
    {
        var t = BuildModel(Full);
        var size = t.Parameters["InstanceType"]!;
        Assert.Equal("t3.micro", size.Default);
        Assert.Equal(["t3.micro", "t3.small"], size.AllowedValues);
        Assert.Equal("Size", size.Description);
        Assert.Equal("pick a size", size.ConstraintDescription);
        var port = t.Parameters["Port"]!;
        Assert.Equal(ParameterCategory.Number, port.TypeInfo.Category);
        Assert.Equal((1d, 65535d), (port.MinValue, port.MaxValue));
        Assert.Equal("80", port.Default);
        var name = t.Parameters["Name"]!;
        Assert.Equal("[a-z]+", name.AllowedPattern);
        Assert.Equal((1, 10), (name.MinLength, name.MaxLength));
        Assert.True(name.NoEcho);
    }

    [Fact]
    public void Build_Resource_ReadsEveryAttribute()
    {
        var t = BuildModel(Full);
        var web = t.Resources["Web"]!;
        Assert.Equal("AWS::EC2::Instance", web.Type);
        Assert.Equal(["Sg"], web.DependsOn.Select(d => d.LogicalId));
        Assert.Equal("IsSmall", web.Condition);
        Assert.Equal("Retain", web.DeletionPolicy);
        Assert.Equal("Snapshot", web.UpdateReplacePolicy);
        Assert.NotNull(web.CreationPolicy);
        Assert.NotNull(web.UpdatePolicy);
        Assert.NotNull(web.Metadata);
        Assert.IsType<MapExpression>(web.PropertiesExpression);
        Assert.Equal("Resources/Web/Properties", web.Properties!.Path);
        Assert.Equal(new SourceLocation(30, 3), web.KeyLocation);
        Assert.Equal(["Other"], t.Resources["Sg"]!.DependsOn.Select(d => d.LogicalId));
        Assert.True(t.Resources["Other"]!.IsCustom);
    }

    [Fact]
    public void Build_Output_ReadsValueExportConditionDescription()
    {
        var url = BuildModel(Full).Outputs["Url"]!;
        Assert.IsType<GetAttFunction>(url.Value);
        Assert.IsType<SubFunction>(url.ExportName);
        Assert.Equal("IsSmall", url.Condition);
        Assert.Equal("the url", url.Description);
    }

    [Fact]
    public void Build_TransformAsStringListOrMacroMapping_ReadsAllForms()
    {
        Assert.Equal(["AWS::Serverless-2016-10-31"], BuildModel("Transform: AWS::Serverless-2016-10-31\n" + Minimal).Transforms.Select(t => t.Name));
        var macro = BuildModel("Transform: [{ Name: MyMacro, Parameters: { A: 1 } }, AWS::Include]\n" + Minimal);
        Assert.Equal(["MyMacro", "AWS::Include"], macro.Transforms.Select(t => t.Name));
        Assert.NotNull(macro.Transforms[0].Parameters);
        Assert.True(macro.HasUnappliedTransforms);
    }

    [Fact]
    public void Build_UnappliedTransforms_ReportOneInfoNamingThem()
    {
        var t = BuildModel("Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions, MyMacro]\n" + Minimal);
        var d = Assert.Single(t.Diagnostics);
        Assert.Equal((ModelRules.CheckedBeforeTransform, Diagnostics.Severity.Info, 1), (d.Rule, d.Severity, d.Location.Line));
        Assert.Contains("'AWS::Serverless-2016-10-31', 'MyMacro'", d.Message);
        Assert.Contains("checked as written, before the transform", d.Message);
    }

    [Theory]
    [InlineData("Resources: [a]", "E3001")]
    [InlineData("Resources:\n  A: 1", "E3001")]
    [InlineData("Resources:\n  A: { Properties: {} }", "E3001")]
    [InlineData("Resources:\n  A: { Type: [x] }", "E3001")]
    [InlineData("Resources:\n  A: { Type: X::Y::Z, Properties: [1] }", "E3001")]
    [InlineData("Resources:\n  A: { Type: X::Y::Z, Colour: red }", "E3001")]
    [InlineData("Resources:\n  A: { Type: X::Y::Z, DependsOn: { a: b } }", "E3005")]
    [InlineData("Resources:\n  A: { Type: X::Y::Z, DependsOn: [[a]] }", "E3005")]
    [InlineData("Resources:\n  A: { Type: X::Y::Z, Condition: [a] }", "E3001")]
    [InlineData("Parameters:\n  P: { Default: x }", "E2001")]
    [InlineData("Parameters:\n  P: x", "E2001")]
    [InlineData("Parameters:\n  P: { Type: String, MinLength: -1 }", "E2001")]
    [InlineData("Parameters:\n  P: { Type: String, AllowedValues: a }", "E2001")]
    [InlineData("Parameters:\n  P: { Type: Number, MaxValue: ten }", "E2001")]
    [InlineData("Parameters:\n  P: { Type: String, NoEcho: maybe }", "E2001")]
    [InlineData("Parameters:\n  P: { Type: String, Colour: red }", "E2001")]
    [InlineData("Parameters:\n  P: { Type: Boolean }", "E2002")]
    [InlineData("Outputs:\n  O: { Description: x }", "E6002")]
    [InlineData("Outputs:\n  O: { Value: x, Export: x }", "E6001")]
    [InlineData("Outputs:\n  O: [x]", "E6001")]
    [InlineData("Mappings:\n  M: { a: b }", "E7001")]
    [InlineData("Mappings:\n  M: x", "E7001")]
    [InlineData("Conditions:\n  C: x", "E8001")]
    [InlineData("Rules:\n  R: { RuleCondition: x }", "E1700")]
    [InlineData("Transform: [[x]]", "E1005")]
    [InlineData("Description: [x]", "E1004")]
    [InlineData("Outputs:", "E6001")]
    public void Build_StructuralProblem_ReportsRuleAndKeepsGoing(string yaml, string rule)
    {
        var t = BuildModel(yaml);
        Assert.Contains(t.Diagnostics, d => d.Rule == rule);
        Assert.All(t.Diagnostics, d => Assert.True(d.Location.IsKnown, d.ToString()));
    }

    [Fact]
    public void Build_RootNotMapping_ReportsE1001()
    {
        var t = TemplateModel.Build(TemplateParser.ParseText("[1, 2]", "t.yaml"));
        Assert.Equal("E1001", Assert.Single(t.Diagnostics).Rule);
        Assert.Empty(t.Resources);
    }

    [Fact]
    public void Build_NullRoot_IsEmptyTemplateWithoutExtraDiagnostics() =>
        Assert.Empty(TemplateModel.Build(root: null).Diagnostics);

    [Fact]
    public void Build_MalformedResource_IsStillInTheModel()
    {
        var t = BuildModel("Resources:\n  A: { Properties: { X: 1 } }\n  B: { Type: X::Y::Z }\n");
        Assert.Equal(["A", "B"], t.Resources.Select(r => r.LogicalId));
        Assert.Equal("", t.Resources["A"]!.Type);
    }

    [Theory]
    [InlineData("String", ParameterCategory.String, false)]
    [InlineData("Number", ParameterCategory.Number, false)]
    [InlineData("List<Number>", ParameterCategory.NumberList, true)]
    [InlineData("CommaDelimitedList", ParameterCategory.CommaDelimitedList, true)]
    [InlineData("AWS::EC2::VPC::Id", ParameterCategory.AwsSpecific, false)]
    [InlineData("List<AWS::EC2::Subnet::Id>", ParameterCategory.AwsSpecificList, true)]
    [InlineData("AWS::SSM::Parameter::Name", ParameterCategory.SsmParameterName, false)]
    [InlineData("AWS::SSM::Parameter::Value<String>", ParameterCategory.SsmParameterValue, false)]
    [InlineData("AWS::SSM::Parameter::Value<List<String>>", ParameterCategory.SsmParameterValue, true)]
    [InlineData("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", ParameterCategory.SsmParameterValue, false)]
    [InlineData("AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>", ParameterCategory.SsmParameterValue, true)]
    [InlineData("Boolean", ParameterCategory.Unsupported, false)]
    [InlineData("List<AWS::S3::Bucket::Name>", ParameterCategory.Unsupported, false)]
    public void ParameterType_Parse_Classifies(string text, ParameterCategory category, bool isList)
    {
        var type = ParameterType.Parse(text);
        Assert.Equal((category, isList), (type.Category, type.IsList));
    }
}
