using FilePipeline.Local.Storage;

namespace FilePipeline.Local.Executions;

/// <summary>The executions' tables in the state directory's database, and the migration of older state directories.</summary>
internal static class ExecutionSchema
{
    public static void Create(LocalDatabase database)
    {
        using var connection = database.Open();
        LocalDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS state_machines(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                arn TEXT NOT NULL,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                UNIQUE(arn, definition));
            CREATE TABLE IF NOT EXISTS executions(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                execution_arn TEXT NULL,
                file_id TEXT NULL,
                version_id TEXT NULL,
                status TEXT NOT NULL,
                input TEXT NOT NULL,
                output TEXT NULL,
                outcome TEXT NULL,
                error TEXT NULL,
                cause TEXT NULL,
                start_date INTEGER NOT NULL,
                stop_date INTEGER NULL,
                host_pid INTEGER NOT NULL,
                state_machine INTEGER NULL REFERENCES state_machines(id));
            CREATE INDEX IF NOT EXISTS executions_file ON executions(file_id, id);
            CREATE INDEX IF NOT EXISTS executions_name ON executions(name);
            CREATE TABLE IF NOT EXISTS execution_events(
                execution INTEGER NOT NULL REFERENCES executions(id),
                event_id INTEGER NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY(execution, event_id));
            """);
        // State directories written before executions knew their definition: add the column, their rows stay without one.
        if ((long)connection.Scalar(null, "SELECT COUNT(*) FROM pragma_table_info('executions') WHERE name = 'state_machine'")! == 0)
        {
            LocalDatabase.Execute(connection, "ALTER TABLE executions ADD COLUMN state_machine INTEGER NULL REFERENCES state_machines(id)");
        }
    }
}
