using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>The stack's resource records in memory during an operation, kept in step with the store.</summary>
internal sealed class RecordSet
{
    private readonly Dictionary<string, ResourceRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RecordSet(IEnumerable<ResourceRecord> records)
    {
        foreach (var record in records)
        {
            _records[record.RecordId] = record;
        }
    }

    public IReadOnlyList<ResourceRecord> All
    {
        get
        {
            lock (_lock)
            {
                return _records.Values.ToList();
            }
        }
    }

    /// <summary>The current record of a logical id (the one the template's resource maps to), if any.</summary>
    public ResourceRecord? Current(string logicalId)
    {
        lock (_lock)
        {
            return _records.Values.FirstOrDefault(r => r.IsCurrent && r.LogicalId == logicalId);
        }
    }

    public ResourceRecord? Get(string recordId)
    {
        lock (_lock)
        {
            return _records.GetValueOrDefault(recordId);
        }
    }

    public void Save(ResourceRecord record)
    {
        lock (_lock)
        {
            _records[record.RecordId] = record;
        }
    }

    public void Remove(string recordId)
    {
        lock (_lock)
        {
            _records.Remove(recordId);
        }
    }
}
