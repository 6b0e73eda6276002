using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>A replica's claim on one conversation's delivery queue in the database (a token per claim, until a time).</summary>
internal sealed class PostgresOutboxLease(PostgresDatabase database, TimeProvider time, string conversationKey, string owner, TimeSpan duration)
    : IOutboxLease
{
    public Task<OutboxItem?> NextAsync(CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                // Renews the claim and reads the earliest activity in one statement; nothing when the claim is lost.
                await using var next = new NpgsqlCommand(
                    """
                    WITH held AS (
                        UPDATE faqbot_outbox_lease SET lease_until = $3 WHERE conversation_key = $1 AND owner = $2 RETURNING conversation_key)
                    SELECT o.id, o.turn_id, o.service_url, o.activity, o.passage_id FROM held
                    JOIN faqbot_outbox o ON o.conversation_key = held.conversation_key ORDER BY o.id LIMIT 1
                    """,
                    connection);
                next.Parameters.AddWithValue(conversationKey);
                next.Parameters.AddWithValue(owner);
                next.Parameters.AddWithValue(time.GetUtcNow() + duration);
                await using var reader = await next.ExecuteReaderAsync(token);
                return await reader.ReadAsync(token)
                    ? new OutboxItem(
                        reader.GetInt64(0),
                        reader.GetGuid(1),
                        new Uri(reader.GetString(2)),
                        JsonSerializer.Deserialize<Activity>(reader.GetString(3), BotJson.Options)!,
                        reader.IsDBNull(4) ? null : reader.GetString(4))
                    : null;
            },
            cancellationToken);

    public Task<bool> RenewAsync(CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var renew = new NpgsqlCommand(
                    "UPDATE faqbot_outbox_lease SET lease_until = $3 WHERE conversation_key = $1 AND owner = $2", connection);
                renew.Parameters.AddWithValue(conversationKey);
                renew.Parameters.AddWithValue(owner);
                renew.Parameters.AddWithValue(time.GetUtcNow() + duration);
                return await renew.ExecuteNonQueryAsync(token) == 1;
            },
            cancellationToken);

    public Task AcknowledgeAsync(OutboxItem item) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var acknowledge = new NpgsqlCommand("DELETE FROM faqbot_outbox WHERE id = $1", connection);
                acknowledge.Parameters.AddWithValue(item.Id);
                return await acknowledge.ExecuteNonQueryAsync(token);
            },
            CancellationToken.None);

    public Task<bool> ReleaseAsync() =>
        database.RunAsync(
            async (connection, token) =>
            {
                // Two statements, two snapshots: what was queued while this claim still held is seen by the second.
                await using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(PostgresActivityWriter.Command(
                    "DELETE FROM faqbot_outbox_lease WHERE conversation_key = $1 AND owner = $2", conversationKey, owner));
                batch.BatchCommands.Add(PostgresActivityWriter.Command(
                    "SELECT EXISTS (SELECT 1 FROM faqbot_outbox WHERE conversation_key = $1)", conversationKey));
                return await batch.ExecuteScalarAsync(token) is true;
            },
            CancellationToken.None);
}
