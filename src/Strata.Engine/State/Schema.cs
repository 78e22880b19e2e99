namespace Strata.Engine.State;

/// <summary>
/// The state store's tables. Plain SQL with TEXT / INTEGER / BIGINT columns only (timestamps as ISO-8601
/// text, documents as JSON text), so the same statements run on SQLite and PostgreSQL.
/// </summary>
internal static class Schema
{
    public const int Version = 2;

    public static readonly string[] Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS stacks (
            stack_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            status_reason TEXT,
            template_hash TEXT NOT NULL,
            template_path TEXT,
            parameters TEXT NOT NULL,
            previous_template_hash TEXT,
            previous_template_path TEXT,
            previous_parameters TEXT,
            outputs TEXT NOT NULL,
            root_cause TEXT,
            provider TEXT NOT NULL,
            disable_rollback INTEGER NOT NULL,
            expires_at TEXT,
            parent_stack_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_stacks_name ON stacks (name, created_at)",
        // Template bodies by content (TemplateHashes): written when a stack first uses one, not at every status change.
        """
        CREATE TABLE IF NOT EXISTS stack_templates (
            template_hash TEXT PRIMARY KEY,
            body TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS resources (
            record_id TEXT PRIMARY KEY,
            stack_id TEXT NOT NULL,
            logical_id TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            is_current INTEGER NOT NULL,
            physical_id TEXT,
            status TEXT NOT NULL,
            status_reason TEXT,
            properties TEXT NOT NULL,
            model TEXT,
            metadata TEXT,
            deletion_policy TEXT,
            update_replace_policy TEXT,
            depends_on TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_resources_stack ON resources (stack_id, logical_id)",
        """
        CREATE TABLE IF NOT EXISTS stack_events (
            stack_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            event_id TEXT NOT NULL,
            stack_name TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            logical_id TEXT NOT NULL,
            physical_id TEXT,
            resource_type TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (stack_id, seq)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS journal (
            operation_id TEXT PRIMARY KEY,
            stack_id TEXT NOT NULL,
            record_id TEXT NOT NULL,
            logical_id TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            action TEXT NOT NULL,
            state TEXT NOT NULL,
            client_token TEXT NOT NULL,
            request TEXT NOT NULL,
            physical_id TEXT,
            result TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT
        )
        """,
        // Only unfinished calls are ever looked up (to resume them), so only they are indexed: closing an entry
        // then removes it from the index instead of moving it. Partial indexes exist in PostgreSQL too.
        "DROP INDEX IF EXISTS ix_journal_state",
        "CREATE INDEX IF NOT EXISTS ix_journal_pending ON journal (stack_id, started_at) WHERE state = 'Pending'",
        """
        CREATE TABLE IF NOT EXISTS stack_exports (
            scope TEXT NOT NULL,
            name TEXT NOT NULL,
            stack_id TEXT NOT NULL,
            export_value TEXT NOT NULL,
            PRIMARY KEY (scope, name)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS stack_imports (
            scope TEXT NOT NULL,
            name TEXT NOT NULL,
            importing_stack_id TEXT NOT NULL,
            PRIMARY KEY (scope, name, importing_stack_id)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS stack_leases (
            stack_name TEXT PRIMARY KEY,
            owner_id TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            operation TEXT NOT NULL,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS wait_signals (
            handle_key TEXT NOT NULL,
            unique_id TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            data TEXT,
            received_at TEXT NOT NULL,
            PRIMARY KEY (handle_key, unique_id)
        )
        """,
    ];
}
