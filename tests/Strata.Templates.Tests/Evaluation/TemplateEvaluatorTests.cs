using Strata.Templates.Evaluation;
using Strata.Templates.Values;
using static Strata.Templates.Tests.Evaluation.Fixtures;

namespace Strata.Templates.Tests.Evaluation;

public sealed class TemplateEvaluatorTests
{
    private const string Stack = """
        Parameters:
          Env: { Type: String, AllowedValues: [dev, prod] }
          Size: { Type: String, Default: t3.micro }
          RetainData: { Type: String, Default: Retain }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Transform: AWS::LanguageExtensions
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
              Tags: [{ Key: Name, Value: !Sub "${AWS::StackName}-vpc" }]
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]
              AvailabilityZone: !Select [0, !GetAZs ""]
          Web:
            Type: AWS::EC2::Instance
            DeletionPolicy: !Ref RetainData
            Metadata:
              Strata::Sandbox: { CreateSeconds: 3 }
            Properties:
              InstanceType: !If [IsProd, m5.large, !Ref Size]
              SubnetId: !Ref Subnet
              Monitoring: !If [IsProd, true, !Ref AWS::NoValue]
          Backup:
            Type: AWS::Backup::BackupVault
            Condition: IsProd
            Properties:
              BackupVaultName: vault
        Outputs:
          WebId:
            Value: !Ref Web
            Export: { Name: !Sub "${AWS::StackName}-web" }
          Vault:
            Condition: IsProd
            Value: !Ref Backup
        """;

    private static PreparedTemplate Dev() => Prepare(Stack, Params(("Env", "dev")), new PseudoParameters { StackName = "demo", Region = "eu-west-1" }, strict: true);

    [Fact]
    public void Prepare_Dev_ResolvesParametersConditionsAndIncludedResources()
    {
        var p = Dev();
        Assert.False(p.HasErrors, string.Join("\n", p.Diagnostics));
        Assert.Equal("dev", Text(p.Parameters.Values["Env"]));
        Assert.False(p.Conditions["IsProd"]);
        Assert.Equal(["Vpc", "Subnet", "Web"], p.Resources.Select(r => r.LogicalId));
        Assert.Equal(["WebId"], p.Outputs.Select(o => o.Name));
        Assert.Equal(["Vpc", "Subnet", "Web"], p.Graph.CreationOrder);
    }

    [Fact]
    public void Prepare_EvaluatedDeletionPolicy_IsAvailable()
    {
        Assert.True(Dev().TryGetResource("Web", out var web));
        Assert.Equal("Retain", web.DeletionPolicy);
        Assert.Equal(["Subnet"], web.Dependencies);
    }

    [Fact]
    public void Prepare_MissingRequiredParameter_IsAnError()
    {
        var p = Prepare(Stack, strict: true);
        Assert.True(p.HasErrors);
        Assert.Contains(p.Diagnostics, d => d.Rule == ParameterRules.MissingValue && d.Message.Contains("'Env'", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveProperties_FirstResource_IsFullyKnownJson()
    {
        var vpc = Dev().ResolveProperties("Vpc");
        Assert.True(vpc.IsFullyKnown);
        Assert.Equal("""{"CidrBlock":"10.0.0.0/16","Tags":[{"Key":"Name","Value":"demo-vpc"}]}""", vpc.JsonObject!.ToJsonString());
    }

    [Fact]
    public void ResolveProperties_BeforeDependencyExists_ReportsUnknownPartsAndWhatTheyWaitFor()
    {
        var subnet = Dev().ResolveProperties("Subnet");
        Assert.False(subnet.IsFullyKnown);
        Assert.Null(subnet.Json);
        Assert.Equal(["VpcId", "CidrBlock"], subnet.Unknowns.Select(u => u.Path));
        Assert.Equal(["Vpc"], subnet.WaitingFor);
        Assert.Equal("eu-west-1a", Text(Assert.IsType<MapValue>(subnet.Value)["AvailabilityZone"]!));
    }

    [Fact]
    public void ResolveProperties_AfterDependencyExists_IsKnown()
    {
        var state = new ResourceState().WithResource("Vpc", "vpc-0abc", new Dictionary<string, Value> { ["CidrBlock"] = Values.Value.Str("10.0.0.0/16") });
        var subnet = Dev().ResolveProperties("Subnet", state);
        Assert.True(subnet.IsFullyKnown, string.Join(", ", subnet.Unknowns));
        Assert.Equal("""{"VpcId":"vpc-0abc","CidrBlock":"10.0.0.0/24","AvailabilityZone":"eu-west-1a"}""", subnet.JsonObject!.ToJsonString());
    }

    [Fact]
    public void ResolveProperties_ConditionalValues_FollowConditions()
    {
        var state = new ResourceState().WithResource("Subnet", "subnet-1");
        var web = Dev().ResolveProperties("Web", state);
        Assert.Equal("""{"InstanceType":"t3.micro","SubnetId":"subnet-1"}""", web.JsonObject!.ToJsonString());

        var prod = Prepare(Stack, Params(("Env", "prod")), strict: true).ResolveProperties("Web", state);
        Assert.Equal("""{"InstanceType":"m5.large","SubnetId":"subnet-1","Monitoring":true}""", prod.JsonObject!.ToJsonString());
    }

    [Fact]
    public void ResolveMetadata_ReturnsSandboxSettings() =>
        Assert.Equal("""{"Strata::Sandbox":{"CreateSeconds":3}}""", Dev().ResolveMetadata("Web").JsonObject!.ToJsonString());

    [Fact]
    public void ResolveProperties_ExcludedResource_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Dev().ResolveProperties("Backup"));

    [Fact]
    public void ResolveOutputs_WithState_GivesValuesAndExportNames()
    {
        var outputs = Dev().ResolveOutputs(new ResourceState().WithResource("Web", "i-0web"));
        var web = Assert.Single(outputs);
        Assert.Equal("i-0web", Text(web.Value.Value));
        Assert.Equal("demo-web", Text(web.ExportName!.Value));
    }

    [Fact]
    public void ResolveOutputs_WithoutState_AreUnknownsWaitingForResources() =>
        Assert.Equal(["Web"], Assert.Single(Dev().ResolveOutputs()).Value.WaitingFor);

    [Fact]
    public void ResolveProperties_EvaluationError_IsReportedWithPath()
    {
        const string yaml = "Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      P: !Select [3, [a]]\n";
        var result = Prepare(yaml).ResolveProperties("A");
        Assert.True(result.HasErrors);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("E1017", "Resources/A/Properties/P/Fn::Select", 5), (d.Rule, d.Path, d.Location.Line));
        Assert.Equal(UnknownReason.Error, Assert.Single(result.Unknowns).Value.Reason);
    }

    [Fact]
    public void ResolveProperties_RefToExcludedResource_ReportsE1060()
    {
        const string yaml = """
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Gone: { Type: X::Y::Z, Condition: Never }
              User: { Type: X::Y::Z, Properties: { P: !Ref Gone } }
            """;
        Assert.Equal("E1060", Assert.Single(Prepare(yaml).ResolveProperties("User").Diagnostics).Rule);
    }

    [Fact]
    public void Prepare_CircularConditions_ReportsPathAndLeavesThemUndecided()
    {
        const string yaml = """
            Conditions:
              A: !Condition B
              B: !Not [!Condition C]
              C: !And [!Condition A, !Equals [x, x]]
              D: !Condition A
              E: !Equals [x, x]
            Resources:
              R: { Type: X::Y::Z, Condition: D }
            """;
        var p = Prepare(yaml);
        var d = Assert.Single(p.Diagnostics);
        Assert.Equal(ConditionRules.CircularCondition, d.Rule);
        Assert.Contains("A -> B -> C -> A", d.Message);
        Assert.Null(p.Conditions["A"]);
        Assert.Null(p.Conditions["D"]);
        Assert.True(p.Conditions["E"]);
    }

    [Fact]
    public void Prepare_ManyChainedConditions_StaysLinear()
    {
        var yaml = new System.Text.StringBuilder("Parameters:\n  P: { Type: String, Default: x }\nConditions:\n  C0: !Equals [!Ref P, x]\n");
        for (var i = 1; i < 5000; i++)
        {
            yaml.Append("  C").Append(i).Append(": !And [!Condition C").Append(i - 1).Append(", !Not [!Condition C").Append(i - 1).Append("]]\n");
        }

        yaml.Append(Minimal);
        var p = Prepare(yaml.ToString());
        Assert.True(p.Conditions["C0"]);
        Assert.False(p.Conditions["C4999"]);
    }
}
