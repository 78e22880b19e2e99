using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Iam;
using Strata.Providers.Aws.Services.Sts;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>
/// IAM SimulatePrincipalPolicy, which moto does not implement: recorded exchanges built from AWS's documented
/// examples (the AWS CLI reference's <c>iam simulate-principal-policy</c> examples, rendered in the Query
/// protocol's XML), and the pre-flight's "not checked" against the real moto that lacks the call.
/// </summary>
public sealed class IamPolicySimulationTests
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string User = "arn:aws:iam::123456789012:user/alejandro";

    // Example 1 of awscli/examples/iam/simulate-principal-policy.rst.
    private static readonly string AllowedListRepositories = Response("false", null, """
        <member>
          <MatchedStatements>
            <member>
              <SourcePolicyId>Grant-Access-To-CodeCommit-ListRepo</SourcePolicyId>
              <StartPosition><Line>3</Line><Column>19</Column></StartPosition>
              <EndPosition><Line>9</Line><Column>10</Column></EndPosition>
            </member>
          </MatchedStatements>
          <MissingContextValues/>
          <EvalResourceName>*</EvalResourceName>
          <EvalDecision>allowed</EvalDecision>
          <EvalActionName>codecommit:ListRepositories</EvalActionName>
        </member>
        """);

    // Example 2 of the same file: an action no policy allows at the given time.
    private static readonly string ImplicitDenyCreateBackup = Response("false", null, """
        <member>
          <MatchedStatements/>
          <MissingContextValues/>
          <EvalResourceName>*</EvalResourceName>
          <EvalDecision>implicitDeny</EvalDecision>
          <EvalActionName>dynamodb:CreateBackup</EvalActionName>
        </member>
        """);

    private static string Response(string truncated, string? marker, string members) => $"""
        <SimulatePrincipalPolicyResponse xmlns="{Ns}">
          <SimulatePrincipalPolicyResult>
            <IsTruncated>{truncated}</IsTruncated>
            {(marker is null ? "" : $"<Marker>{marker}</Marker>")}
            <EvaluationResults>{members}</EvaluationResults>
          </SimulatePrincipalPolicyResult>
          <ResponseMetadata><RequestId>004d7059-4c14-11e5-b121-bd8c7EXAMPLE</RequestId></ResponseMetadata>
        </SimulatePrincipalPolicyResponse>
        """;

    [Fact]
    public async Task SimulatePrincipalPolicy_DocumentedAllowedExample_SendsSignedQueryAndReadsTheDecision()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(AllowedListRepositories);

        var response = await new IamClient(aws.Context("eu-west-1")).SimulatePrincipalPolicyAsync(
            new SimulatePrincipalPolicyRequest(User, ["codecommit:ListRepositories"]));

        var request = Assert.Single(aws.Requests);
        var form = RecordedAwsEndpoint.Form(request);
        Assert.Equal("SimulatePrincipalPolicy", form["Action"]);
        Assert.Equal("2010-05-08", form["Version"]);
        Assert.Equal(User, form["PolicySourceArn"]);
        Assert.Equal("codecommit:ListRepositories", form["ActionNames.member.1"]);
        // IAM is global: signed for us-east-1 whatever the configured region.
        Assert.Contains("/us-east-1/iam/aws4_request", request.Header("Authorization"));
        var result = Assert.Single(response.EvaluationResults);
        Assert.True(result.IsAllowed);
        Assert.Equal("*", result.EvalResourceName);
        var statement = Assert.Single(result.MatchedStatements);
        Assert.Equal("Grant-Access-To-CodeCommit-ListRepo", statement.SourcePolicyId);
        Assert.Equal(new StatementPosition(3, 19), statement.StartPosition);
        Assert.Equal(new StatementPosition(9, 10), statement.EndPosition);
        Assert.False(response.IsTruncated);
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_ContextEntriesAndResources_AreSentAsMemberLists()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(ImplicitDenyCreateBackup);

        await new IamClient(aws.Context()).SimulatePrincipalPolicyAsync(new SimulatePrincipalPolicyRequest(User, ["dynamodb:CreateBackup"])
        {
            ResourceArns = ["arn:aws:dynamodb:us-east-1:123456789012:table/a", "arn:aws:dynamodb:us-east-1:123456789012:table/b"],
            ContextEntries = [new ContextEntry("aws:CurrentTime", ["2018-04-25T11:00:00Z"], "date")],
        });

        var form = RecordedAwsEndpoint.Form(Assert.Single(aws.Requests));
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/b", form["ResourceArns.member.2"]);
        Assert.Equal("aws:CurrentTime", form["ContextEntries.member.1.ContextKeyName"]);
        Assert.Equal("2018-04-25T11:00:00Z", form["ContextEntries.member.1.ContextKeyValues.member.1"]);
        Assert.Equal("date", form["ContextEntries.member.1.ContextKeyType"]);
    }

    [Fact]
    public async Task Check_DocumentedImplicitDeny_IsDeniedNamingTheAction()
    {
        await using var aws = new RecordedAwsEndpoint().Respond(ImplicitDenyCreateBackup);

        var result = await new PermissionPreflight(new IamClient(aws.Context())).CheckAsync(User, ["dynamodb:CreateBackup"]);

        Assert.Equal(PermissionVerdict.Denied, result.Verdict);
        var denied = Assert.Single(result.Denied);
        Assert.Equal("dynamodb:CreateBackup", denied.Action);
        Assert.Equal(EvalDecisions.ImplicitDeny, denied.Decision);
        Assert.Contains("dynamodb:CreateBackup (implicitDeny)", result.Summary);
    }

    [Fact]
    public async Task Check_TruncatedResults_FollowsMarkerAndAllowsOnlyWhenEveryPageAllows()
    {
        var firstPage = Response("true", "page-2", """
            <member><EvalResourceName>*</EvalResourceName><EvalDecision>allowed</EvalDecision><EvalActionName>ec2:RunInstances</EvalActionName></member>
            """);
        var secondPage = Response("false", null, """
            <member><EvalResourceName>*</EvalResourceName><EvalDecision>allowed</EvalDecision><EvalActionName>ec2:CreateTags</EvalActionName></member>
            """);
        await using var aws = new RecordedAwsEndpoint().Respond(firstPage).Respond(secondPage);

        var result = await new PermissionPreflight(new IamClient(aws.Context())).CheckAsync(User, ["ec2:RunInstances", "ec2:CreateTags"]);

        Assert.Equal(PermissionVerdict.Allowed, result.Verdict);
        Assert.Equal(["ec2:RunInstances", "ec2:CreateTags"], result.Results.Select(r => r.Action));
        Assert.False(RecordedAwsEndpoint.Form(aws.Requests[0]).ContainsKey("Marker"));
        Assert.Equal("page-2", RecordedAwsEndpoint.Form(aws.Requests[1])["Marker"]);
    }

    [Fact]
    public async Task Check_SimulatorAccessDenied_IsNotCheckedWithTheReason()
    {
        await using var aws = new RecordedAwsEndpoint().Respond($"""
            <ErrorResponse xmlns="{Ns}">
              <Error><Type>Sender</Type><Code>AccessDenied</Code>
                <Message>User: {User} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: user alejandro</Message></Error>
              <RequestId>5d2b6a28-EXAMPLE</RequestId>
            </ErrorResponse>
            """, status: 403);

        var result = await new PermissionPreflight(new IamClient(aws.Context())).CheckAsync(User, ["s3:CreateBucket"]);

        Assert.Equal(PermissionVerdict.NotChecked, result.Verdict);
        Assert.Empty(result.Results);
        Assert.Contains("may not call iam:SimulatePrincipalPolicy", result.NotCheckedReason);
        Assert.Contains("Permissions not checked", result.Summary);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alejandro", "arn:aws:iam::123456789012:user/alejandro")]
    [InlineData("arn:aws:iam::123456789012:role/deployer", "arn:aws:iam::123456789012:role/deployer")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Deployer/strata-session", "arn:aws:iam::123456789012:role/Deployer")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/Ops/s", "arn:aws-cn:iam::123456789012:role/Ops")]
    [InlineData("arn:aws:iam::123456789012:root", null)]
    [InlineData("arn:aws:sts::123456789012:federated-user/bob", null)]
    [InlineData("not-an-arn", null)]
    public void FromCallerArn_Identity_IsTheSimulatablePrincipal(string callerArn, string? expected)
    {
        Assert.Equal(expected, IamPrincipal.FromCallerArn(callerArn));
    }
}

/// <summary>Against moto, which does not implement the simulator: the pre-flight must say so, not claim "allowed".</summary>
[Collection(MotoCollection.Name)]
public sealed class IamPreflightAgainstMotoTests(MotoServerFixture moto)
{
    private AwsClientContext Context() =>
        moto.CreateContext(options: new AwsContextOptions { Retry = RetryOptions.Default with { MaxAttempts = 1 } });

    [Fact]
    public async Task Check_SimulatorMissingFromTheEndpoint_IsNotCheckedRatherThanAllowed()
    {
        var userName = "strata-preflight-" + Guid.NewGuid().ToString("N")[..8];
        var userArn = (await moto.Cli.JsonAsync("iam", "create-user", "--user-name", userName)).RootElement
            .GetProperty("User").GetProperty("Arn").GetString()!;

        var result = await new PermissionPreflight(new IamClient(Context())).CheckAsync(userArn, ["ec2:RunInstances"]);

        Assert.Equal(PermissionVerdict.NotChecked, result.Verdict);
        Assert.Equal(userArn, result.PrincipalArn);
        Assert.Contains("SimulatePrincipalPolicy is unavailable", result.NotCheckedReason);
        Assert.Empty(result.Results);
    }

    [Fact]
    public async Task CheckCaller_IdentityIamCannotSimulate_IsNotCheckedNamingTheIdentity()
    {
        var context = Context();

        var result = await new PermissionPreflight(new IamClient(context)).CheckCallerAsync(new StsClient(context), ["ec2:RunInstances"]);

        // moto answers GetCallerIdentity with an STS "user/" ARN, which is neither an IAM user nor an assumed role.
        var caller = (await moto.Cli.JsonAsync("sts", "get-caller-identity")).RootElement.GetProperty("Arn").GetString()!;
        Assert.Equal(PermissionVerdict.NotChecked, result.Verdict);
        Assert.Contains(caller, result.NotCheckedReason);
    }
}
