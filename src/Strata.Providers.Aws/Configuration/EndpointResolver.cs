using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Configuration;

/// <summary>Where requests to one service go, how they are signed, and which setting chose it.</summary>
/// <param name="Source">e.g. "AWS_ENDPOINT_URL_EC2", "profile 'dev' endpoint_url", "default".</param>
public sealed record ResolvedEndpoint(Uri Url, string SigningRegion, string Source)
{
    /// <summary>True when the endpoint was configured rather than derived (a local emulator, a VPC endpoint).</summary>
    public bool IsCustom => Source != "default";
}

/// <summary>
/// Resolves service endpoints the way the AWS SDKs' "service-specific endpoints" feature does:
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the profile's <c>[services]</c>
/// section, then the profile's <c>endpoint_url</c>, then the public AWS endpoint for the region.
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> (or <c>ignore_configured_endpoint_urls</c>) skips all configured ones.
/// </summary>
public sealed class EndpointResolver(IAwsEnvironment environment, AwsProfile? profile, SharedConfig? sharedConfig)
{
    public ResolvedEndpoint Resolve(ServiceDescriptor service, string region)
    {
        var signingRegion = service.FixedSigningRegion ?? region;
        if (!IgnoreConfigured())
        {
            var specificVariable = "AWS_ENDPOINT_URL_" + service.EnvironmentSuffix;
            if (Configured(environment.GetVariable(specificVariable), specificVariable) is { } specific)
                return new ResolvedEndpoint(specific, signingRegion, specificVariable);
            if (Configured(environment.GetVariable("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL") is { } global)
                return new ResolvedEndpoint(global, signingRegion, "AWS_ENDPOINT_URL");
            if (profile is not null)
            {
                if (ServicesSectionEndpoint(service) is { } fromServices) return fromServices with { SigningRegion = signingRegion };
                var source = $"endpoint_url of {profile.Describe()}";
                if (Configured(profile.Get("endpoint_url"), source) is { } profileUrl)
                    return new ResolvedEndpoint(profileUrl, signingRegion, source);
            }
        }
        return new ResolvedEndpoint(DefaultEndpoint(service, region), signingRegion, "default");
    }

    public static Uri DefaultEndpoint(ServiceDescriptor service, string region)
    {
        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var host = service.DefaultHostTemplate is { } template
            ? template.Replace("{region}", region).Replace("{dnsSuffix}", dnsSuffix)
            : $"{service.EndpointPrefix}.{region}.{dnsSuffix}";
        return new Uri($"https://{host}/");
    }

    private ResolvedEndpoint? ServicesSectionEndpoint(ServiceDescriptor service)
    {
        var servicesName = profile!.Get("services");
        if (servicesName is null || sharedConfig is null) return null;
        var section = sharedConfig.FindServicesSection(servicesName)
            ?? throw new AwsConfigurationException(
                $"{profile.Describe()} names services '{servicesName}', but {sharedConfig.ConfigPath} has no [services {servicesName}] section.");
        if (!section.Nested.TryGetValue(service.ConfigKey, out var settings) ||
            !settings.TryGetValue("endpoint_url", out var url))
            return null;
        var source = $"[services {servicesName}] {service.ConfigKey}.endpoint_url ({section.FilePath}:{section.Line})";
        return new ResolvedEndpoint(Configured(url, source)!, "", source);
    }

    private bool IgnoreConfigured()
    {
        var value = environment.GetVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") ?? profile?.Get("ignore_configured_endpoint_urls");
        return string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? Configured(string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new AwsConfigurationException($"{source} is '{value}', which is not an absolute http:// or https:// URL.");
        return uri;
    }
}
