using Strata.Cli.Infrastructure;
using Strata.Engine;
using Strata.Engine.Execution;
using Strata.Engine.State;
using Strata.Engine.Templating;
using Strata.Providers.Aws;
using Strata.Providers.Aws.CloudControl;
using Strata.Providers.Aws.CustomResources;
using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Sts;

namespace Strata.Cli.Commands.Engine;

/// <summary><c>--provider aws</c>: the engine with AWS's Cloud Control API as its provider.</summary>
public sealed partial class EngineHost
{
    /// <summary>
    /// Opens the state store and connects to AWS with the settings the AWS tools use. The account comes from STS
    /// GetCallerIdentity (for <c>AWS::AccountId</c> and stack ids). With <paramref name="checkCloudControl"/>, Cloud
    /// Control is asked once before anything is created, so that an endpoint without it (an emulator, a proxy, a
    /// region that lacks it) is reported as one clear error instead of a failed first resource.
    /// </summary>
    public static async Task<EngineHost> OpenAwsAsync(string dataDirectory, Func<EngineOptions, EngineOptions>? configure, bool checkCloudControl,
        CancellationToken cancellationToken)
    {
        var aws = AwsClientContext.FromEnvironment(ProcessEnvironment.Instance);
        var identity = await new StsClient(aws).GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        var cloudControl = new CloudControlClient(aws);
        if (checkCloudControl)
        {
            await CheckCloudControlAsync(cloudControl, cancellationToken).ConfigureAwait(false);
        }

        var store = StateStore.Open(dataDirectory);
        try
        {
            var options = new EngineOptions
            {
                Region = aws.Region,
                AccountId = identity.Account,
                TemplateUrlMappings = TemplateMappings(),
            };
            options = configure?.Invoke(options) ?? options;
            var provider = new CloudControlResourceProvider(cloudControl, new CloudControlProviderOptions { Name = ProviderNames.Aws });
            // Custom resources go to their Lambda functions and SNS topics with the same credentials and endpoints.
            var engine = new StackEngine(store, provider, new TemplateDefinitionFactory(options.TemplateUrlMappings), SpecReplacementRules.Default, options,
                customResources: new AwsCustomResourceTransport(aws));
            return new EngineHost(null, store, engine);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Polls a request token that cannot exist: Cloud Control answers RequestTokenNotFoundException (a 4xx), which
    /// proves the endpoint speaks Cloud Control and accepts the credentials. Anything else is refused with the
    /// endpoint and where it came from.
    /// </summary>
    private static async Task CheckCloudControlAsync(CloudControlClient client, CancellationToken cancellationToken)
    {
        var endpoint = client.Pipeline.Endpoint;
        try
        {
            await client.GetResourceRequestStatusAsync(Guid.NewGuid().ToString("D"), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.HttpStatus is >= 400 and < 500 && !e.IsCredentialsRejection && !IsAccessDenied(e.Code))
        {
            // The expected answer for an unknown token.
        }
        catch (AwsException e) when (e is AwsServiceException or AwsProtocolException)
        {
            throw new UsageException(
                $"--provider aws needs the Cloud Control API, and {endpoint.Url} (endpoint from {endpoint.Source}) did not serve it: {Describe(e)}");
        }
    }

    /// <summary>The error in one line; a web page sent instead of an AWS error (an emulator, a proxy) is left out.</summary>
    private static string Describe(AwsException error)
    {
        if (error is AwsServiceException { IsCredentialsRejection: false } service && service.ErrorMessage.TrimStart().StartsWith('<'))
        {
            var request = service.RequestId is null ? "" : $", request id {service.RequestId}";
            return $"{service.Operation} answered {service.Code} (HTTP {service.HttpStatus}{request}) with a web page instead of an AWS response";
        }
        return OneLine(error.Message);
    }

    private static bool IsAccessDenied(string code) => code is "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
