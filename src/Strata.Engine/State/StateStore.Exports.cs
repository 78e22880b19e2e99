namespace Strata.Engine.State;

/// <summary>An exported output value, unique by name within its scope (account and region).</summary>
public sealed record ExportRecord(string Scope, string Name, string StackId, string Value);

public sealed partial class StateStore
{
    public Task<ExportRecord?> GetExportAsync(string scope, string name, CancellationToken cancellationToken) =>
        RunAsync(s => s.Query(
            "SELECT scope, name, stack_id, export_value FROM stack_exports WHERE scope = @scope AND name = @name",
            r => new ExportRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            ("@scope", scope), ("@name", name)).FirstOrDefault(), write: false, cancellationToken);

    public Task<IReadOnlyList<ExportRecord>> GetExportsOfStackAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ExportRecord>>(s => s.Query(
            "SELECT scope, name, stack_id, export_value FROM stack_exports WHERE stack_id = @id ORDER BY name",
            r => new ExportRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            ("@id", stackId)), write: false, cancellationToken);

    /// <summary>
    /// Replaces the stack's exports with <paramref name="exports"/>. Returns the name of an export another
    /// stack already owns (and changes nothing) — export names are unique per account and region.
    /// </summary>
    public Task<ExportRecord?> ReplaceExportsAsync(string stackId, string scope, IReadOnlyDictionary<string, string> exports, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            foreach (var name in exports.Keys)
            {
                var owner = s.Query(
                    "SELECT scope, name, stack_id, export_value FROM stack_exports WHERE scope = @scope AND name = @name AND stack_id <> @id",
                    r => new ExportRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
                    ("@scope", scope), ("@name", name), ("@id", stackId)).FirstOrDefault();
                if (owner is not null)
                {
                    return owner;
                }
            }
            s.Execute("DELETE FROM stack_exports WHERE stack_id = @id", ("@id", stackId));
            foreach (var (name, value) in exports)
            {
                s.Execute("INSERT INTO stack_exports (scope, name, stack_id, export_value) VALUES (@scope, @name, @id, @value)",
                    ("@scope", scope), ("@name", name), ("@id", stackId), ("@value", value));
            }
            return null;
        }, write: true, cancellationToken);

    /// <summary>Records which exports a stack imports (replacing what it imported before).</summary>
    public Task SetImportsAsync(string stackId, string scope, IEnumerable<string> names, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            s.Execute("DELETE FROM stack_imports WHERE importing_stack_id = @id", ("@id", stackId));
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                s.Execute("INSERT INTO stack_imports (scope, name, importing_stack_id) VALUES (@scope, @name, @id)",
                    ("@scope", scope), ("@name", name), ("@id", stackId));
            }
        }, write: true, cancellationToken);

    /// <summary>Stacks (ids) that import the export, other than <paramref name="exceptStackId"/>.</summary>
    public Task<IReadOnlyList<string>> GetImportersAsync(string scope, string name, string? exceptStackId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(s => s.Query(
            "SELECT importing_stack_id FROM stack_imports WHERE scope = @scope AND name = @name AND importing_stack_id <> @except ORDER BY importing_stack_id",
            r => r.GetString(0), ("@scope", scope), ("@name", name), ("@except", exceptStackId ?? "")), write: false, cancellationToken);
}

public sealed partial class StateStore
{
    /// <summary>Every export in the scope, by name.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetAllExportsAsync(string scope, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, string>>(s => s.Query(
                "SELECT name, export_value FROM stack_exports WHERE scope = @scope", r => (r.GetString(0), r.GetString(1)), ("@scope", scope))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal), write: false, cancellationToken);
}
