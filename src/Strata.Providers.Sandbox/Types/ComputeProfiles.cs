using Strata.Providers.Sandbox.Identity;

namespace Strata.Providers.Sandbox.Types;

/// <summary>Lambda, containers, logs, keys, secrets, parameters, state machines, APIs, event rules, alarms.</summary>
internal static class ComputeProfiles
{
    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::Lambda::Function"] = c => NamedWithArn(c, "FunctionName", 64, name => c.Arn("lambda", $"function:{name}"));
        profiles["AWS::Logs::LogGroup"] = c => NamedWithArn(c, "LogGroupName", 512, name => c.Arn("logs", $"log-group:{name}:*"));
        profiles["AWS::ECS::Cluster"] = c => NamedWithArn(c, "ClusterName", 255, name => c.Arn("ecs", $"cluster/{name}"));
        profiles["AWS::CloudWatch::Alarm"] = c => NamedWithArn(c, "AlarmName", 255, name => c.Arn("cloudwatch", $"alarm:{name}"));
        profiles["AWS::ECR::Repository"] = Repository;
        profiles["AWS::AutoScaling::AutoScalingGroup"] = AutoScalingGroup;
        profiles["AWS::KMS::Key"] = Key;
        profiles["AWS::SecretsManager::Secret"] = Secret;
        profiles["AWS::SSM::Parameter"] = Parameter;
        profiles["AWS::StepFunctions::StateMachine"] = StateMachine;
        profiles["AWS::ApiGateway::RestApi"] = RestApi;
        profiles["AWS::Events::Rule"] = Rule;
    }

    private static string NamedWithArn(CreationContext c, string nameProperty, int maxLength, Func<string, string> arn)
    {
        var name = c.NameOr(nameProperty, new NameRules(maxLength));
        c.Set("Arn", arn(name));
        return name;
    }

    private static string Repository(CreationContext c)
    {
        var name = c.NameOr("RepositoryName", new NameRules(256, LowerCase: true));
        c.Set("Arn", c.Arn("ecr", $"repository/{name}"));
        c.Set("RepositoryUri", $"{c.AccountId}.dkr.ecr.{c.Region}.{c.DnsSuffix}/{name}");
        return name;
    }

    private static string AutoScalingGroup(CreationContext c)
    {
        var name = c.NameOr("AutoScalingGroupName", new NameRules(255));
        c.Set("AutoScalingGroupARN", c.Arn("autoscaling", $"autoScalingGroup:{c.Random.NextGuid()}:autoScalingGroupName/{name}"));
        return name;
    }

    private static string Key(CreationContext c)
    {
        var keyId = c.Random.NextGuid().ToString();
        c.Set("KeyId", keyId);
        c.Set("Arn", c.Arn("kms", $"key/{keyId}"));
        return keyId;
    }

    private static string Secret(CreationContext c)
    {
        var name = c.NameOr("Name", new NameRules(512));
        // Secrets Manager appends six random characters to the name in the ARN.
        var arn = c.Arn("secretsmanager", $"secret:{name}-{c.Random.Draw("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 6)}");
        c.Set("Id", arn);
        return arn;
    }

    private static string Parameter(CreationContext c)
    {
        var name = c.Text("Name") ?? $"CFN-{c.Request.LogicalId}-{c.Random.UpperAlnum(12)}";
        c.Model["Name"] = name;
        c.Set("Arn", c.Arn("ssm", $"parameter/{name.TrimStart('/')}"));
        c.Set("Type", c.Text("Type") ?? "String");
        c.Set("Value", c.Text("Value") ?? "");
        return name;
    }

    private static string StateMachine(CreationContext c)
    {
        var name = c.Text("StateMachineName") ?? $"{c.Request.LogicalId}-{c.Random.UpperAlnum(12)}";
        c.Model["StateMachineName"] = name;
        var arn = c.Arn("states", $"stateMachine:{name}");
        c.Set("Arn", arn);
        c.Set("Name", name);
        c.Set("StateMachineRevisionId", arn);
        return arn;
    }

    private static string RestApi(CreationContext c)
    {
        var id = c.Random.LowerAlnum(10);
        c.Set("RestApiId", id);
        c.Set("RootResourceId", c.Random.LowerAlnum(10));
        return id;
    }

    private static string Rule(CreationContext c)
    {
        var name = c.NameOr("Name", new NameRules(64));
        var bus = c.Text("EventBusName");
        var arn = c.Arn("events", bus is null or "default" ? $"rule/{name}" : $"rule/{bus}/{name}");
        c.Set("Arn", arn);
        c.Set("RuleName", name);
        // Ref returns the rule name on the default bus and "bus|name" on another, as CloudFormation does.
        return bus is null or "default" ? name : $"{bus}|{name}";
    }
}
