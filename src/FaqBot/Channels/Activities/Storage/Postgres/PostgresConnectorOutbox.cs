using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// The Connector delivery queue in PostgreSQL (<c>faqbot_outbox</c>), shared by every replica: what one replica queued
/// and did not deliver before it died is delivered by another once its lease (<c>faqbot_outbox_lease</c>) runs out.
/// </summary>
public sealed class PostgresConnectorOutbox(PostgresDatabase database, TimeProvider time) : IConnectorOutbox
{
    public Task<Guid> EnqueueAsync(string conversationKey, Uri serviceUrl, IReadOnlyList<OutboxActivity> activities, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                var turnId = Guid.NewGuid();
                await using var batch = new NpgsqlBatch(connection);
                foreach (var (activity, passageId) in activities)
                {
                    batch.BatchCommands.Add(PostgresActivityWriter.Command(
                        """
                        INSERT INTO faqbot_outbox (conversation_key, turn_id, service_url, activity, passage_id, queued_at)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        """,
                        conversationKey, turnId, serviceUrl.AbsoluteUri, JsonSerializer.Serialize(activity, BotJson.Options), (object?)passageId ?? DBNull.Value, time.GetUtcNow()));
                }

                // One implicit transaction: the turn is queued whole or not at all.
                await batch.ExecuteNonQueryAsync(token);
                return turnId;
            },
            cancellationToken);

    public Task<IOutboxLease?> TryLeaseAsync(string conversationKey, TimeSpan lease, CancellationToken cancellationToken) =>
        database.RunAsync<IOutboxLease?>(
            async (connection, token) =>
            {
                var owner = Guid.NewGuid().ToString("N");
                var now = time.GetUtcNow();
                await using var claim = new NpgsqlCommand(
                    """
                    INSERT INTO faqbot_outbox_lease (conversation_key, owner, lease_until) VALUES ($1, $2, $3)
                    ON CONFLICT (conversation_key) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
                    WHERE faqbot_outbox_lease.lease_until < $4
                    """,
                    connection);
                claim.Parameters.AddWithValue(conversationKey);
                claim.Parameters.AddWithValue(owner);
                claim.Parameters.AddWithValue(now + lease);
                claim.Parameters.AddWithValue(now);
                return await claim.ExecuteNonQueryAsync(token) == 1 ? new PostgresOutboxLease(database, time, conversationKey, owner, lease) : null;
            },
            cancellationToken);

    public Task DropTurnAsync(Guid turnId) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var drop = new NpgsqlCommand("DELETE FROM faqbot_outbox WHERE turn_id = $1", connection);
                drop.Parameters.AddWithValue(turnId);
                return await drop.ExecuteNonQueryAsync(token);
            },
            CancellationToken.None);

    public Task<IReadOnlyList<string>> FindAbandonedAsync(TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<string>>(
            async (connection, token) =>
            {
                var now = time.GetUtcNow();
                await using var find = new NpgsqlCommand(
                    """
                    SELECT DISTINCT o.conversation_key FROM faqbot_outbox o
                    LEFT JOIN faqbot_outbox_lease l ON l.conversation_key = o.conversation_key
                    WHERE (l.conversation_key IS NULL AND o.queued_at < $1) OR l.lease_until < $2
                    LIMIT $3
                    """,
                    connection);
                find.Parameters.AddWithValue(now - lease);
                find.Parameters.AddWithValue(now);
                find.Parameters.AddWithValue((long)limit);
                return await find.ReadStringsAsync(token);
            },
            cancellationToken);
}
