using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Signing;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// Sends one operation to one service: resolves the endpoint, signs each attempt afresh (SigV4, current time,
/// current credentials), and retries throttling, 5xx and network failures with back-off, within
/// <see cref="RetryOptions.MaxAttempts"/>, honouring cancellation throughout.
/// </summary>
public sealed class AwsServicePipeline
{
    private const string UserAgent = "strata-aws-client/1.0";

    /// <summary>
    /// Task.Delay counts whole milliseconds, so a full-jitter draw under one would not wait at all and the retry would
    /// follow the failure back to back; every retry waits at least this long.
    /// </summary>
    private static readonly TimeSpan ShortestBackoff = TimeSpan.FromMilliseconds(1);
    private readonly Lazy<ResolvedEndpoint> _endpoint;

    public AwsServicePipeline(AwsClientContext context, ServiceDescriptor service)
    {
        Context = context;
        Service = service;
        _endpoint = new Lazy<ResolvedEndpoint>(() => context.ResolveEndpoint(service));
    }

    public AwsClientContext Context { get; }
    public ServiceDescriptor Service { get; }
    public ResolvedEndpoint Endpoint => _endpoint.Value;

    private bool IsS3 => Service.SigningName == "s3";

    public async Task<AwsHttpResponse> SendAsync(string operation, AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint;
        var retry = Context.Retry;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var credentials = await Context.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            var (response, networkError) = await AttemptAsync(request, endpoint, credentials, cancellationToken).ConfigureAwait(false);
            if (response is { IsSuccess: true }) return response;
            if (response is not null)
            {
                var error = AwsErrorParser.Parse(Service, operation, response, credentials.Describe());
                if (!RetryClassifier.IsRetryable(error) || attempt >= retry.MaxAttempts) throw error;
            }
            else if (attempt >= retry.MaxAttempts)
            {
                throw new AwsEndpointUnreachableException(Service.ServiceId, operation, endpoint.Url, endpoint.Source, attempt, networkError!);
            }
            var backoff = retry.DelayBefore(attempt + 1);
            await Task.Delay(backoff < ShortestBackoff ? ShortestBackoff : backoff, Context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(AwsHttpResponse? Response, Exception? NetworkError)> AttemptAsync(
        AwsHttpRequest request, ResolvedEndpoint endpoint, AwsCredentials credentials, CancellationToken cancellationToken)
    {
        using var message = BuildSignedMessage(request, endpoint, credentials);
        using var timeout = new CancellationTokenSource(Context.Retry.AttemptTimeout, Context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await Context.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return (new AwsHttpResponse((int)response.StatusCode, CollectHeaders(response), body), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            return (null, new TimeoutException($"no complete response within {Context.Retry.AttemptTimeout.TotalSeconds:0.###} s", e));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, e);
        }
    }

    /// <summary>Builds the HTTP message and signs exactly the path, query and headers that will be sent.</summary>
    internal HttpRequestMessage BuildSignedMessage(AwsHttpRequest request, ResolvedEndpoint endpoint, AwsCredentials credentials)
    {
        var uri = BuildUri(endpoint.Url, request);
        var host = uri.GetComponents(UriComponents.Host | UriComponents.Port, UriFormat.UriEscaped);
        var headers = new List<KeyValuePair<string, string>> { new("Host", host) };
        if (request.ContentType is not null) headers.Add(new("Content-Type", request.ContentType));
        headers.AddRange(request.Headers);

        var parameters = new SigningParameters(credentials, endpoint.SigningRegion, Service.SigningName, Context.Time.GetUtcNow())
        {
            NormalizePath = !IsS3,
            DoubleEncodePath = !IsS3,
            AddContentSha256Header = IsS3,
        };
        var signingRequest = new SigningRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers,
            PayloadHashes.Sha256Hex(request.Body));
        var signature = SigV4Signer.SignHeaders(signingRequest, parameters);

        var message = new HttpRequestMessage(request.Method, uri);
        if (request.Body.Length > 0 || request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        foreach (var (name, value) in request.Headers.Concat(signature.HeadersToAdd))
        {
            // .NET keeps content headers (Content-MD5, Content-Encoding, ...) on the content, not the request.
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content?.Headers.TryAddWithoutValidation(name, value) != true)
                throw new ArgumentException($"Header '{name}' cannot be sent on a {request.Method} request without a body.", nameof(request));
        }
        return message;
    }

    private static Uri BuildUri(Uri endpoint, AwsHttpRequest request)
    {
        // An endpoint may carry a path prefix (e.g. a gateway at https://host/aws); request paths go below it.
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        var path = basePath + (request.Path.StartsWith('/') ? request.Path : "/" + request.Path);
        var query = string.Join('&', request.Query.Select(p => AwsUriEncoding.Encode(p.Key) + "=" + AwsUriEncoding.Encode(p.Value)));
        return new Uri($"{endpoint.Scheme}://{request.HostPrefix}{endpoint.Authority}{path}{(query.Length > 0 ? "?" + query : "")}");
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            headers[name] = string.Join(",", values);
        return headers;
    }
}
