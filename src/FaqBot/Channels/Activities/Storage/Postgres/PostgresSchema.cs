using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// The tables, created and migrated by the app at start: each migration runs once, in order, recorded in
/// <c>faqbot_schema</c>; replicas starting together take turns on an advisory lock. Only the transcript holds what a
/// patient wrote; every other table holds ids, times and passage names, and the outbox the bot's own replies.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Any fixed number: the advisory lock that lets one replica at a time migrate.</summary>
    private const long MigrationLock = 0x46_61_71_42_6F_74;

    /// <summary>Append only: a released migration is never edited, a change is a new one.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE faqbot_transcript (
            id text PRIMARY KEY,
            user_id text NOT NULL,
            last_sequence bigint NOT NULL DEFAULT 0,
            bytes bigint NOT NULL DEFAULT 0,
            touched_at timestamptz NOT NULL);
        CREATE INDEX faqbot_transcript_touched ON faqbot_transcript (touched_at);
        CREATE TABLE faqbot_transcript_activity (
            conversation_id text NOT NULL REFERENCES faqbot_transcript (id) ON DELETE CASCADE,
            sequence bigint NOT NULL,
            bytes integer NOT NULL,
            body text NOT NULL,
            PRIMARY KEY (conversation_id, sequence));
        CREATE TABLE faqbot_conversation_state (
            conversation_id text PRIMARY KEY,
            state text NOT NULL,
            expires_at timestamptz NOT NULL);
        CREATE INDEX faqbot_conversation_state_expires ON faqbot_conversation_state (expires_at);
        CREATE TABLE faqbot_sent_answer (
            conversation_id text NOT NULL,
            activity_id text NOT NULL,
            passage_id text NOT NULL,
            sent_at timestamptz NOT NULL,
            PRIMARY KEY (conversation_id, activity_id));
        CREATE INDEX faqbot_sent_answer_sent ON faqbot_sent_answer (sent_at);
        CREATE TABLE faqbot_feedback (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            rated_at timestamptz NOT NULL,
            rating text NOT NULL,
            passage_id text);
        """,
        // Pending turns: a patient's message owed a reply, by number only (its words stay in the transcript), and which
        // replica answers the conversation's turns until when.
        """
        ALTER TABLE faqbot_transcript ADD COLUMN turn_owner text, ADD COLUMN turn_lease_until timestamptz;
        CREATE TABLE faqbot_turn (
            conversation_id text NOT NULL REFERENCES faqbot_transcript (id) ON DELETE CASCADE,
            sequence bigint NOT NULL,
            received_at timestamptz NOT NULL,
            PRIMARY KEY (conversation_id, sequence));
        """,
        // The Connector delivery queue: the bot's own outbound activities (addressed by ids only) until the Connector
        // acknowledged them, and which replica delivers each conversation's queue until when.
        """
        CREATE TABLE faqbot_outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            conversation_key text NOT NULL,
            turn_id uuid NOT NULL,
            service_url text NOT NULL,
            activity text NOT NULL,
            passage_id text,
            queued_at timestamptz NOT NULL);
        CREATE INDEX faqbot_outbox_conversation ON faqbot_outbox (conversation_key, id);
        CREATE TABLE faqbot_outbox_lease (
            conversation_key text PRIMARY KEY,
            owner text NOT NULL,
            lease_until timestamptz NOT NULL);
        """,
        // Until when some replica has a stream open on the transcript (renewed while it is open): evicted last.
        """
        ALTER TABLE faqbot_transcript ADD COLUMN streamed_until timestamptz;
        """,
    ];

    /// <summary>The schema version this build needs.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database to <see cref="Version"/>; a no-op when it is there already.</summary>
    public static void Migrate(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", connection, transaction))
        {
            lockCommand.ExecuteNonQuery();
        }

        // Under the lock: two replicas running CREATE TABLE IF NOT EXISTS at once can both pass the check, and the
        // second then fails on PostgreSQL's catalogue (duplicate key in pg_type).
        using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS faqbot_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            connection,
            transaction))
        {
            create.ExecuteNonQuery();
        }

        int current;
        using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM faqbot_schema", connection, transaction))
        {
            current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            using var migrate = new NpgsqlCommand(Migrations[version - 1], connection, transaction);
            migrate.ExecuteNonQuery();
            using var record = new NpgsqlCommand("INSERT INTO faqbot_schema (version) VALUES ($1)", connection, transaction);
            record.Parameters.AddWithValue(version);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
