using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>A small template moto can build (a bucket and a queue), and a helper that deploys it through a change set.</summary>
public static class CloudFormationTestStacks
{
    public const string Template = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "Strata CloudFormation client test",
          "Parameters": {
            "Suffix": { "Type": "String", "Description": "makes names unique" },
            "QueueDelay": { "Type": "Number", "Default": "0" }
          },
          "Resources": {
            "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": { "Fn::Sub": "strata-cfn-${Suffix}" } } },
            "Queue": {
              "Type": "AWS::SQS::Queue",
              "Properties": { "QueueName": { "Fn::Sub": "strata-cfn-${Suffix}" }, "DelaySeconds": { "Ref": "QueueDelay" } }
            }
          },
          "Outputs": {
            "BucketName": { "Value": { "Ref": "Bucket" }, "Description": "the bucket" },
            "QueueUrl": { "Value": { "Ref": "Queue" } }
          }
        }
        """;

    /// <summary>The same stack with the queue's delay fixed in the template: an update moto's diff sees as Modify.</summary>
    public static string TemplateWithQueueDelay(int seconds) =>
        Template.Replace("\"DelaySeconds\": { \"Ref\": \"QueueDelay\" }", $"\"DelaySeconds\": {seconds}");

    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates the stack through a CREATE change set and returns it once CloudFormation settles.</summary>
    public static async Task<Stack> DeployAsync(CloudFormationClient cfn, string stackName, string suffix)
    {
        var created = await cfn.CreateChangeSetAsync(new CreateChangeSetRequest(stackName, "create")
        {
            ChangeSetType = ChangeSetTypes.Create,
            TemplateBody = Template,
            Parameters = [new StackParameter("Suffix", suffix)],
            Tags = [new("strata:stack", stackName)],
        });
        await cfn.ExecuteChangeSetAsync(new ExecuteChangeSetRequest(created.ChangeSetId));
        return await WaitForSettledAsync(cfn, stackName);
    }

    public static async Task<Stack> WaitForSettledAsync(CloudFormationClient cfn, string stackName)
    {
        for (var poll = 0; poll < 100; poll++)
        {
            var stack = await cfn.FindStackAsync(stackName) ?? throw new InvalidOperationException($"{stackName} vanished");
            if (!StackStatuses.IsInProgress(stack.StackStatus)) return stack;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"{stackName} stayed in progress");
    }
}
