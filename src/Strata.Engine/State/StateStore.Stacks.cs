using Strata.Engine.Model;

using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    private const string StackColumns =
        "stack_id, name, status, status_reason, template_body, template_path, parameters, previous_template_body, " +
        "previous_template_path, previous_parameters, outputs, root_cause, provider, disable_rollback, expires_at, " +
        "parent_stack_id, created_at, updated_at";

    /// <summary>The latest stack with this name (a deleted one too, so its history and root cause stay readable).</summary>
    public Task<StackRecord?> GetStackAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(s => s.Query(
            $"SELECT {StackColumns} FROM stacks WHERE name = @name ORDER BY created_at DESC, stack_id DESC LIMIT 1",
            ReadStack, ("@name", name)).FirstOrDefault(), write: false, cancellationToken);

    public Task<StackRecord?> GetStackByIdAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync(s => s.Query($"SELECT {StackColumns} FROM stacks WHERE stack_id = @id", ReadStack, ("@id", stackId)).FirstOrDefault(),
            write: false, cancellationToken);

    /// <summary>Top-level stacks (nested ones belong to their parent), latest per name, oldest first.</summary>
    public Task<IReadOnlyList<StackRecord>> ListStacksAsync(bool includeDeleted, bool includeNested, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<StackRecord>>(s =>
        {
            var all = s.Query($"SELECT {StackColumns} FROM stacks ORDER BY created_at, stack_id", ReadStack);
            var latest = all.GroupBy(r => r.Name).Select(g => g.Last());
            return latest
                .Where(r => includeNested || r.ParentStackId is null)
                .Where(r => includeDeleted || r.Status != StackStatus.DeleteComplete)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
        }, write: false, cancellationToken);

    public Task InsertStackAsync(StackRecord stack, CancellationToken cancellationToken) =>
        RunAsync(s => s.Execute(
            $"INSERT INTO stacks ({StackColumns}) VALUES (@id, @name, @status, @reason, @body, @path, @params, @pbody, @ppath, @pparams, " +
            "@outputs, @cause, @provider, @norollback, @expires, @parent, @created, @updated)",
            StackParameters(stack)), write: true, cancellationToken);

    /// <summary>Replaces the stored stack with <paramref name="stack"/> and appends <paramref name="stackEvent"/> in the same transaction.</summary>
    public Task<StackEvent?> UpdateStackAsync(StackRecord stack, EventDraft? stackEvent, CancellationToken cancellationToken) =>
        RunAsync(s =>
        {
            var changed = s.Execute(
                "UPDATE stacks SET name = @name, status = @status, status_reason = @reason, template_body = @body, template_path = @path, " +
                "parameters = @params, previous_template_body = @pbody, previous_template_path = @ppath, previous_parameters = @pparams, " +
                "outputs = @outputs, root_cause = @cause, provider = @provider, disable_rollback = @norollback, expires_at = @expires, " +
                "parent_stack_id = @parent, created_at = @created, updated_at = @updated WHERE stack_id = @id",
                StackParameters(stack));
            if (changed == 0)
            {
                throw new InvalidOperationException($"Stack {stack.StackId} is not in the state store");
            }
            return stackEvent is null ? null : AppendEvent(s, stack.StackId, stack.Name, stackEvent);
        }, write: true, cancellationToken);

    private static (string, object?)[] StackParameters(StackRecord stack) =>
    [
        ("@id", stack.StackId),
        ("@name", stack.Name),
        ("@status", stack.Status.ToCfn()),
        ("@reason", stack.StatusReason),
        ("@body", stack.TemplateBody),
        ("@path", stack.TemplatePath),
        ("@params", JsonText.WriteMap(stack.Parameters)),
        ("@pbody", stack.PreviousTemplateBody),
        ("@ppath", stack.PreviousTemplatePath),
        ("@pparams", stack.PreviousParameters is null ? null : JsonText.WriteMap(stack.PreviousParameters)),
        ("@outputs", JsonText.WriteOutputs(stack.Outputs)),
        ("@cause", JsonText.WriteRootCause(stack.RootCause)),
        ("@provider", stack.Provider),
        ("@norollback", stack.DisableRollback ? 1 : 0),
        ("@expires", stack.ExpiresAt is { } e ? FormatTime(e) : null),
        ("@parent", stack.ParentStackId),
        ("@created", FormatTime(stack.CreatedAt)),
        ("@updated", FormatTime(stack.UpdatedAt)),
    ];

    private static StackRecord ReadStack(SqlRow r) => new()
    {
        StackId = r.GetString(0),
        Name = r.GetString(1),
        Status = StackStatuses.Parse(r.GetString(2)),
        StatusReason = r.GetNullableString(3),
        TemplateBody = r.GetString(4),
        TemplatePath = r.GetNullableString(5),
        Parameters = JsonText.ReadMap(r.GetString(6)),
        PreviousTemplateBody = r.GetNullableString(7),
        PreviousTemplatePath = r.GetNullableString(8),
        PreviousParameters = r.GetNullableString(9) is { } p ? JsonText.ReadMap(p) : null,
        Outputs = JsonText.ReadOutputs(r.GetString(10)),
        RootCause = JsonText.ReadRootCause(r.GetNullableString(11)),
        Provider = r.GetString(12),
        DisableRollback = r.GetInt64(13) != 0,
        ExpiresAt = r.GetNullableString(14) is { } e ? ParseTime(e) : null,
        ParentStackId = r.GetNullableString(15),
        CreatedAt = ParseTime(r.GetString(16)),
        UpdatedAt = ParseTime(r.GetString(17)),
    };
}
