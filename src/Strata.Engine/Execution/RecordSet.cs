using Strata.Engine.Model;

namespace Strata.Engine.Execution;

/// <summary>The stack's resource records in memory during an operation, kept in step with the store.</summary>
internal sealed class RecordSet
{
    private readonly Dictionary<string, ResourceRecord> _records = new(StringComparer.Ordinal);

    // Record ids per logical id, oldest first (a replacement briefly has two): every resource start asks for
    // its current record, and scanning all records there made an operation quadratic in the stack's size.
    private readonly Dictionary<string, List<string>> _byLogicalId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RecordSet(IEnumerable<ResourceRecord> records)
    {
        foreach (var record in records)
        {
            Put(record);
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
            if (!_byLogicalId.TryGetValue(logicalId, out var ids))
            {
                return null;
            }

            foreach (var id in ids)
            {
                if (_records[id].IsCurrent)
                {
                    return _records[id];
                }
            }

            return null;
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
            Put(record);
        }
    }

    public void Remove(string recordId)
    {
        lock (_lock)
        {
            if (_records.Remove(recordId, out var removed) && _byLogicalId.TryGetValue(removed.LogicalId, out var ids))
            {
                ids.Remove(recordId);
                if (ids.Count == 0)
                {
                    _byLogicalId.Remove(removed.LogicalId);
                }
            }
        }
    }

    private void Put(ResourceRecord record)
    {
        if (_records.TryGetValue(record.RecordId, out var previous) && previous.LogicalId != record.LogicalId)
        {
            _byLogicalId[previous.LogicalId].Remove(record.RecordId);
        }

        _records[record.RecordId] = record;
        if (!_byLogicalId.TryGetValue(record.LogicalId, out var ids))
        {
            _byLogicalId[record.LogicalId] = ids = [];
        }

        if (!ids.Contains(record.RecordId))
        {
            ids.Add(record.RecordId);
        }
    }
}
