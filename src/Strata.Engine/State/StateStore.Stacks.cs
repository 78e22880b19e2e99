using Strata.Engine.Model;

using Strata.Engine.State.Sql;

namespace Strata.Engine.State;

public sealed partial class StateStore
{
    private const string StackColumns =
        "stack_id, name, status, status_reason, template_hash, template_path, parameters, previous_template_hash, " +
        "previous_template_path, previous_parameters, outputs, root_cause, provider, disable_rollback, expires_at, " +
        "parent_stack_id, created_at, updated_at";

    /// <summary>A stack row with its template bodies in place of their hashes, in <see cref="ReadStack"/>'s order.</summary>
    private const string SelectStacks =
        "SELECT s.stack_id, s.name, s.status, s.status_reason, t.body, s.template_path, s.parameters, p.body, " +
        "s.previous_template_path, s.previous_parameters, s.outputs, s.root_cause, s.provider, s.disable_rollback, s.expires_at, " +
        "s.parent_stack_id, s.created_at, s.updated_at, s.template_hash, s.previous_template_hash " +
        "FROM stacks s LEFT JOIN stack_templates t ON t.template_hash = s.template_hash " +
        "LEFT JOIN stack_templates p ON p.template_hash = s.previous_template_hash";

    /// <summary>The latest stack with this name (a deleted one too, so its history and root cause stay readable).</summary>
    public Task<StackRecord?> GetStackAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(s => s.Query(
            $"{SelectStacks} WHERE s.name = @name ORDER BY s.created_at DESC, s.stack_id DESC LIMIT 1",
            ReadStack, ("@name", name)).FirstOrDefault(), write: false, cancellationToken);

    public Task<StackRecord?> GetStackByIdAsync(string stackId, CancellationToken cancellationToken) =>
        RunAsync(s => s.Query($"{SelectStacks} WHERE s.stack_id = @id", ReadStack, ("@id", stackId)).FirstOrDefault(),
            write: false, cancellationToken);

    /// <summary>Top-level stacks (nested ones belong to their parent), latest per name, oldest first.</summary>
    public Task<IReadOnlyList<StackRecord>> ListStacksAsync(bool includeDeleted, bool includeNested, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<StackRecord>>(s =>
        {
            var all = s.Query($"{SelectStacks} ORDER BY s.created_at, s.stack_id", ReadStack);
            var latest = all.GroupBy(r => r.Name).Select(g => g.Last());
            return latest
                .Where(r => includeNested || r.ParentStackId is null)
                .Where(r => includeDeleted || r.Status != StackStatus.DeleteComplete)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
        }, write: false, cancellationToken);

    public Task InsertStackAsync(StackRecord stack, CancellationToken cancellationToken) =>
        InsertStackAsync(stack, null, cancellationToken);

    /// <summary>Stores a new stack and, in the same transaction, its first event: after a crash there is neither or both.</summary>
    public Task<StackEvent?> InsertStackAsync(StackRecord stack, EventDraft? stackEvent, CancellationToken cancellationToken)
    {
        var values = StackParameters(stack);
        return RunAsync(s =>
        {
            SaveTemplates(s, stack);
            s.Execute(
                $"INSERT INTO stacks ({StackColumns}) VALUES (@id, @name, @status, @reason, @hash, @path, @params, @phash, @ppath, @pparams, " +
                "@outputs, @cause, @provider, @norollback, @expires, @parent, @created, @updated)",
                values);
            return stackEvent is null ? null : AppendEvent(s, stack.StackId, stack.Name, stackEvent);
        }, write: true, cancellationToken);
    }

    /// <summary>
    /// Replaces the stored stack with <paramref name="stack"/> and appends <paramref name="stackEvent"/> in the same transaction.
    /// Template bodies are written only when the stack starts using one the store does not hold; one no stack uses any
    /// more is removed.
    /// </summary>
    public Task<StackEvent?> UpdateStackAsync(StackRecord stack, EventDraft? stackEvent, CancellationToken cancellationToken)
    {
        var values = StackParameters(stack);
        var (current, previous) = TemplateKeys(stack);
        return RunAsync(s =>
        {
            var before = s.Query("SELECT template_hash, previous_template_hash FROM stacks WHERE stack_id = @id",
                r => (Current: r.GetString(0), Previous: r.GetNullableString(1)), ("@id", stack.StackId));
            if (before.Count == 0)
            {
                throw new InvalidOperationException($"Stack {stack.StackId} is not in the state store");
            }
            SaveTemplates(s, stack);
            s.Execute(
                "UPDATE stacks SET name = @name, status = @status, status_reason = @reason, template_hash = @hash, template_path = @path, " +
                "parameters = @params, previous_template_hash = @phash, previous_template_path = @ppath, previous_parameters = @pparams, " +
                "outputs = @outputs, root_cause = @cause, provider = @provider, disable_rollback = @norollback, expires_at = @expires, " +
                "parent_stack_id = @parent, created_at = @created, updated_at = @updated WHERE stack_id = @id",
                values);
            foreach (var old in new[] { before[0].Current, before[0].Previous })
            {
                if (old is not null && old != current && old != previous)
                {
                    ForgetUnusedTemplate(s, old);
                }
            }
            return stackEvent is null ? null : AppendEvent(s, stack.StackId, stack.Name, stackEvent);
        }, write: true, cancellationToken);
    }

    /// <summary>Stores the stack's template bodies that the store does not hold yet (the body is bound only then).</summary>
    private static void SaveTemplates(Session session, StackRecord stack)
    {
        SaveTemplate(session, stack.TemplateBody);
        if (stack.PreviousTemplateBody is { } previous)
        {
            SaveTemplate(session, previous);
        }
    }

    private static void SaveTemplate(Session session, string body)
    {
        var hash = TemplateHashes.Of(body);
        if (session.Query("SELECT COUNT(*) FROM stack_templates WHERE template_hash = @hash", r => r.GetInt64(0), ("@hash", hash))[0] == 0)
        {
            session.Execute("INSERT INTO stack_templates (template_hash, body) VALUES (@hash, @body)", ("@hash", hash), ("@body", body));
        }
    }

    /// <summary>Removes a template body that no stack refers to any more (an update's previous template, once it completes).</summary>
    private static void ForgetUnusedTemplate(Session session, string hash) =>
        session.Execute(
            "DELETE FROM stack_templates WHERE template_hash = @hash AND NOT EXISTS " +
            "(SELECT 1 FROM stacks WHERE template_hash = @hash OR previous_template_hash = @hash)",
            ("@hash", hash));

    /// <summary>The keys of the stack's template and previous template in <c>stack_templates</c>.</summary>
    private static (string Current, string? Previous) TemplateKeys(StackRecord stack) =>
        (TemplateHashes.Of(stack.TemplateBody), stack.PreviousTemplateBody is { } previous ? TemplateHashes.Of(previous) : null);

    private static (string, object?)[] StackParameters(StackRecord stack)
    {
        var (current, previous) = TemplateKeys(stack);
        return
        [
            ("@id", stack.StackId),
            ("@name", stack.Name),
            ("@status", stack.Status.ToCfn()),
            ("@reason", stack.StatusReason),
            ("@hash", current),
            ("@path", stack.TemplatePath),
            ("@params", JsonText.WriteMap(stack.Parameters)),
            ("@phash", previous),
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
    }

    private static StackRecord ReadStack(SqlRow r) => new()
    {
        StackId = r.GetString(0),
        Name = r.GetString(1),
        Status = StackStatuses.Parse(r.GetString(2)),
        StatusReason = r.GetNullableString(3),
        TemplateBody = r.GetNullableString(4) ?? throw MissingTemplate(r, 18),
        TemplatePath = r.GetNullableString(5),
        Parameters = JsonText.ReadMap(r.GetString(6)),
        PreviousTemplateBody = r.GetNullableString(7) ?? (r.IsNull(19) ? null : throw MissingTemplate(r, 19)),
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

    private static InvalidDataException MissingTemplate(SqlRow r, int hashOrdinal) =>
        new($"State store: the template {r.GetString(hashOrdinal)} of stack {r.GetString(1)} ({r.GetString(0)}) is missing from stack_templates");
}
