using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.CustomResources;

/// <summary>
/// <c>strata up/down --provider aws</c> with a custom resource whose ServiceToken is an SNS topic in moto_server: moto
/// posts each request to an HTTP subscriber, which answers as a cfn-response handler does, with a PUT to the request's
/// ResponseURL on the CLI's own signal listener. moto has no Cloud Control API, so only its start-up check goes to a
/// loopback stand-in; STS and SNS are moto's.
/// </summary>
public sealed class AwsCustomResourceEndToEndTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private const string Template = """
        Parameters:
          Topic:
            Type: String
        Resources:
          Greeting:
            Type: Custom::Echo
            Properties:
              ServiceToken: !Ref Topic
              Value: hello
        Outputs:
          Id:
            Value: !Ref Greeting
          Echo:
            Value: !GetAtt Greeting.Echo
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("strata-custom-e2e-").FullName;
    private readonly List<JsonObject> _requests = [];

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task UpAndDown_SnsBackedCustomResource_HandlerAnswersEachRequestThroughTheResponseUrl()
    {
        await using var cloudControl = new LoopbackHttpServer((_, _) => Task.FromResult<byte[]?>(LoopbackHttpServer.Response(
            400, "Bad Request", "application/x-amz-json-1.0", """{"__type":"RequestTokenNotFoundException","Message":"no such request"}""")));
        await using var handler = new LoopbackHttpServer(AnswerAsync);
        var topic = (await moto.Cli.JsonAsync("sns", "create-topic", "--name", "echo-" + Guid.NewGuid().ToString("N")[..8])).GetProperty("TopicArn").GetString()!;
        await moto.Cli.JsonAsync("sns", "subscribe", "--topic-arn", topic, "--protocol", "http", "--notification-endpoint", handler.Url.ToString());
        var template = Path.Combine(_data, "echo.yaml");
        await File.WriteAllTextAsync(template, Template);
        var environment = moto.UserEnvironment();
        environment["AWS_ENDPOINT_URL_CLOUDCONTROL"] = cloudControl.Url.ToString();

        var up = await CliRunner.RunProcessAsync(environment, "up", template, "--stack", "echo", "--provider", "aws",
            "--parameter", $"Topic={topic}", "--format", "json", "--data", _data);

        Assert.True(up.ExitCode == 0, $"exit {up.ExitCode}\n{up.Stdout}\n{up.Stderr}");
        using (var result = JsonDocument.Parse(up.Stdout))
        {
            Assert.Equal("CREATE_COMPLETE", result.RootElement.GetProperty("status").GetString());
            Assert.Equal("echo-hello", result.RootElement.GetProperty("outputs").GetProperty("Id").GetString());
            Assert.Equal("hello", result.RootElement.GetProperty("outputs").GetProperty("Echo").GetString());
        }

        var down = await CliRunner.RunProcessAsync(environment, "down", "echo", "--format", "json", "--data", _data);

        Assert.True(down.ExitCode == 0, $"exit {down.ExitCode}\n{down.Stdout}\n{down.Stderr}");
        lock (_requests)
        {
            Assert.Equal(["Create", "Delete"], _requests.Select(r => r["RequestType"]!.GetValue<string>()));
            Assert.Equal("echo-hello", _requests[1]["PhysicalResourceId"]!.GetValue<string>());
            Assert.Equal(topic, _requests[0]["ServiceToken"]!.GetValue<string>());
        }
    }

    /// <summary>The custom resource's handler: takes the request out of the SNS notification and PUTs its response.</summary>
    private async Task<byte[]?> AnswerAsync(CapturedRequest notification, CancellationToken cancellationToken)
    {
        var message = JsonNode.Parse(notification.BodyText)!["Message"]!.GetValue<string>();
        var request = JsonNode.Parse(message)!.AsObject();
        lock (_requests)
        {
            _requests.Add(request);
        }
        var value = request["ResourceProperties"]!["Value"]!.GetValue<string>();
        var response = new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["PhysicalResourceId"] = request["PhysicalResourceId"]?.GetValue<string>() ?? $"echo-{value}",
            ["StackId"] = request["StackId"]!.GetValue<string>(),
            ["RequestId"] = request["RequestId"]!.GetValue<string>(),
            ["LogicalResourceId"] = request["LogicalResourceId"]!.GetValue<string>(),
            ["Data"] = new JsonObject { ["Echo"] = value },
        };
        using var http = new HttpClient();
        // cfn-response sends no content type; the endpoint must take the body as it is.
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(response.ToJsonString()));
        using var answer = await http.PutAsync(request["ResponseURL"]!.GetValue<string>(), content, cancellationToken);
        return answer.IsSuccessStatusCode
            ? LoopbackHttpServer.Response(200, "OK", "text/plain", "ok")
            : LoopbackHttpServer.Response(500, "Error", "text/plain", $"the ResponseURL answered {(int)answer.StatusCode}");
    }
}
