using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Rds;

/// <summary>
/// Amazon RDS calls for environment power: start and stop a DB instance, and describe instances to follow
/// their status (stopping takes minutes; an instance RDS stopped restarts by itself after seven days).
/// </summary>
public sealed class RdsClient(AwsClientContext context)
{
    private readonly QueryProtocolClient _query = new(context, AwsServices.Rds);

    public AwsServicePipeline Pipeline => _query.Pipeline;

    public async Task<DescribeDbInstancesResponse> DescribeDbInstancesAsync(DescribeDbInstancesRequest request,
        CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("DBInstanceIdentifier", request.DbInstanceIdentifier)
            .Add("MaxRecords", request.MaxRecords)
            .Add("Marker", request.Marker);
        // RDS names list members after their shape ("Filters.Filter.1.Values.Value.1"), not "member".
        var index = 0;
        foreach (var filter in request.Filters)
        {
            var prefix = $"Filters.Filter.{++index}";
            p.Add(prefix + ".Name", filter.Name);
            for (var v = 0; v < filter.Values.Count; v++) p.Add($"{prefix}.Values.Value.{v + 1}", filter.Values[v]);
        }
        var result = (await _query.InvokeAsync("DescribeDBInstances", p, cancellationToken).ConfigureAwait(false)).Result;
        return new DescribeDbInstancesResponse(result.Items("DBInstances").Select(Instance).ToList(), result.NextToken("Marker"));
    }

    /// <summary>Every matching instance, following Marker.</summary>
    public IAsyncEnumerable<DbInstance> DescribeAllDbInstancesAsync(IReadOnlyList<RdsFilter>? filters = null, int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync(
            (marker, ct) => DescribeDbInstancesAsync(new DescribeDbInstancesRequest { Filters = filters ?? [], MaxRecords = pageSize, Marker = marker }, ct),
            page => page.Marker, page => page.DbInstances, cancellationToken);

    /// <summary>Starts a stopped instance; the returned state is usually "starting".</summary>
    public async Task<DbInstance> StartDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters().Add("DBInstanceIdentifier", dbInstanceIdentifier);
        var result = (await _query.InvokeAsync("StartDBInstance", p, cancellationToken).ConfigureAwait(false)).Result;
        return Instance(Required(result, "StartDBInstance", dbInstanceIdentifier));
    }

    /// <summary>Stops an available instance; the returned state is usually "stopping".</summary>
    public async Task<DbInstance> StopDbInstanceAsync(StopDbInstanceRequest request, CancellationToken cancellationToken = default)
    {
        var p = _query.NewParameters()
            .Add("DBInstanceIdentifier", request.DbInstanceIdentifier)
            .Add("DBSnapshotIdentifier", request.DbSnapshotIdentifier);
        var result = (await _query.InvokeAsync("StopDBInstance", p, cancellationToken).ConfigureAwait(false)).Result;
        return Instance(Required(result, "StopDBInstance", request.DbInstanceIdentifier));
    }

    private static XElement Required(XElement result, string action, string identifier) =>
        result.Child("DBInstance") ?? throw new AwsProtocolException($"RDS {action} for '{identifier}' returned no DBInstance.");

    private static DbInstance Instance(XElement e) => new()
    {
        DbInstanceIdentifier = e.Text("DBInstanceIdentifier") ?? "",
        DbInstanceArn = e.Text("DBInstanceArn"),
        DbInstanceClass = e.Text("DBInstanceClass"),
        Engine = e.Text("Engine"),
        EngineVersion = e.Text("EngineVersion"),
        Status = e.Text("DBInstanceStatus") ?? "",
        EndpointAddress = e.Child("Endpoint").Text("Address"),
        EndpointPort = e.Child("Endpoint").Int("Port"),
        AvailabilityZone = e.Text("AvailabilityZone"),
        MultiAz = e.Bool("MultiAZ") ?? false,
        AllocatedStorage = e.Int("AllocatedStorage"),
        StorageType = e.Text("StorageType"),
        DbName = e.Text("DBName"),
        DbClusterIdentifier = e.Text("DBClusterIdentifier"),
        InstanceCreateTime = e.Date("InstanceCreateTime"),
        Tags = AwsTag.ListFromXml(e, "TagList"),
    };
}
