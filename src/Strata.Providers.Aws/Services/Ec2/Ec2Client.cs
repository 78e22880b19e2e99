using System.Text;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Ec2;

/// <summary>
/// EC2 calls for environment power (describe, start, stop, status) and parameter look-ups (VPCs, subnets,
/// zones, images); RunInstances / TerminateInstances / CreateTags for setting up and tagging.
/// </summary>
public sealed class Ec2Client(AwsClientContext context)
{
    private readonly QueryProtocolClient _query = new(context, AwsServices.Ec2);

    public AwsServicePipeline Pipeline => _query.Pipeline;

    public async Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("InstanceId", request.InstanceIds)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("MaxResults", request.MaxResults)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeInstancesResponse(result.Items("reservationSet").Select(Ec2Xml.Reservation).ToList(), Ec2Xml.NextToken(result));
    }

    /// <summary>Every matching instance, following NextToken (<paramref name="pageSize"/> per call).</summary>
    public IAsyncEnumerable<Instance> DescribeAllInstancesAsync(IReadOnlyList<Ec2Filter>? filters = null, int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync(
            (token, ct) => DescribeInstancesAsync(new DescribeInstancesRequest { Filters = filters ?? [], MaxResults = pageSize, NextToken = token }, ct),
            page => page.NextToken, page => page.Instances, cancellationToken);

    public async Task<IReadOnlyList<InstanceStateChange>> StartInstancesAsync(IReadOnlyList<string> instanceIds,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().AddList("InstanceId", instanceIds);
        var result = (await _query.InvokeAsync("StartInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return result.Items("instancesSet").Select(Ec2Xml.StateChange).ToList();
    }

    public async Task<IReadOnlyList<InstanceStateChange>> StopInstancesAsync(StopInstancesRequest request,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("InstanceId", request.InstanceIds)
            .Add("Force", request.Force)
            .Add("Hibernate", request.Hibernate);
        var result = (await _query.InvokeAsync("StopInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return result.Items("instancesSet").Select(Ec2Xml.StateChange).ToList();
    }

    public async Task<IReadOnlyList<InstanceStateChange>> TerminateInstancesAsync(IReadOnlyList<string> instanceIds,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().AddList("InstanceId", instanceIds);
        var result = (await _query.InvokeAsync("TerminateInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return result.Items("instancesSet").Select(Ec2Xml.StateChange).ToList();
    }

    public async Task<DescribeInstanceStatusResponse> DescribeInstanceStatusAsync(DescribeInstanceStatusRequest request,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("InstanceId", request.InstanceIds)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("IncludeAllInstances", request.IncludeAllInstances)
            .Add("MaxResults", request.MaxResults)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeInstanceStatus", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeInstanceStatusResponse(result.Items("instanceStatusSet").Select(Ec2Xml.Status).ToList(), Ec2Xml.NextToken(result));
    }

    public IAsyncEnumerable<InstanceStatusItem> DescribeAllInstanceStatusAsync(DescribeInstanceStatusRequest request,
        CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => DescribeInstanceStatusAsync(request with { NextToken = token }, ct),
            page => page.NextToken, page => page.Statuses, cancellationToken);

    public async Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("VpcId", request.VpcIds)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("MaxResults", request.MaxResults)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeVpcs", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeVpcsResponse(result.Items("vpcSet").Select(Ec2Xml.Vpc).ToList(), Ec2Xml.NextToken(result));
    }

    public async Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("SubnetId", request.SubnetIds)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("MaxResults", request.MaxResults)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeSubnets", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeSubnetsResponse(result.Items("subnetSet").Select(Ec2Xml.Subnet).ToList(), Ec2Xml.NextToken(result));
    }

    public async Task<IReadOnlyList<AvailabilityZone>> DescribeAvailabilityZonesAsync(DescribeAvailabilityZonesRequest request,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("ZoneName", request.ZoneNames)
            .AddList("ZoneId", request.ZoneIds)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("AllAvailabilityZones", request.AllAvailabilityZones);
        var result = (await _query.InvokeAsync("DescribeAvailabilityZones", p, cancellationToken).ConfigureAwait(false)).Result;
        return result.Items("availabilityZoneInfo").Select(Ec2Xml.Zone).ToList();
    }

    public async Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .AddList("ImageId", request.ImageIds)
            .AddList("Owner", request.Owners)
            .AddList("ExecutableBy", request.ExecutableUsers)
            .AddList("Filter", request.Filters, AddFilter)
            .Add("IncludeDeprecated", request.IncludeDeprecated)
            .Add("MaxResults", request.MaxResults)
            .Add("NextToken", request.NextToken);
        var result = (await _query.InvokeAsync("DescribeImages", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeImagesResponse(result.Items("imagesSet").Select(Ec2Xml.Image).ToList(), Ec2Xml.NextToken(result));
    }

    public async Task<Reservation> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("ImageId", request.ImageId)
            .Add("MinCount", request.MinCount)
            .Add("MaxCount", request.MaxCount)
            .Add("InstanceType", request.InstanceType)
            .Add("SubnetId", request.SubnetId)
            .Add("KeyName", request.KeyName)
            .AddList("SecurityGroupId", request.SecurityGroupIds)
            .Add("UserData", request.UserData is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(request.UserData)))
            .AddList("TagSpecification", request.TagSpecifications, (q, prefix, spec) =>
                q.Add(prefix + ".ResourceType", spec.ResourceType).AddList(prefix + ".Tag", spec.Tags, AddTag))
            .Add("ClientToken", request.ClientToken);
        var result = (await _query.InvokeAsync("RunInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return Ec2Xml.Reservation(result);
    }

    /// <summary>Adds or overwrites tags on any EC2 resources (instances, volumes, VPCs, ...).</summary>
    public async Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<AwsTag> tags, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().AddList("ResourceId", resourceIds).AddList("Tag", tags, AddTag);
        await _query.InvokeAsync("CreateTags", p, cancellationToken).ConfigureAwait(false);
    }

    private static void AddFilter(QueryParameters p, string prefix, Ec2Filter filter) =>
        p.Add(prefix + ".Name", filter.Name).AddList(prefix + ".Value", filter.Values);

    private static void AddTag(QueryParameters p, string prefix, AwsTag tag) =>
        p.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value);
}
