using System.Text.Json;
using FaqBot.Channels.Activities.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: which screening question waits and which were asked —
/// never the patient's text. Expires and is bounded in count as in memory.
/// </summary>
public sealed class PostgresConversationMemory(PostgresDatabase database, IOptions<ConversationMemoryOptions> options, TimeProvider time)
    : IConversationMemory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc/>
    public Task<ConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken) => database.RunAsync(
        async (connection, token) =>
        {
            await using var read = new NpgsqlCommand("SELECT state FROM faqbot_conversation_state WHERE conversation_id = $1 AND expires_at > $2", connection);
            read.Parameters.AddWithValue(conversationId);
            read.Parameters.AddWithValue(time.GetUtcNow());
            return await read.ExecuteScalarAsync(token) is string state ? JsonSerializer.Deserialize<ConversationState>(state, Json) : null;
        },
        cancellationToken);

    /// <inheritdoc/>
    public Task<bool> SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) => database.RunAsync(
        async (connection, token) =>
    {
        // A conversation already remembered is always updated; a new one only while the live ones are under the bound.
        await using var write = new NpgsqlCommand(
            """
            INSERT INTO faqbot_conversation_state (conversation_id, state, expires_at)
            SELECT $1, $2, $3
            WHERE EXISTS (SELECT 1 FROM faqbot_conversation_state WHERE conversation_id = $1)
               OR (SELECT count(*) FROM faqbot_conversation_state WHERE expires_at > $4) < $5
            ON CONFLICT (conversation_id) DO UPDATE SET state = EXCLUDED.state, expires_at = EXCLUDED.expires_at
            """,
            connection);
        var now = time.GetUtcNow();
        write.Parameters.AddWithValue(conversationId);
        write.Parameters.AddWithValue(JsonSerializer.Serialize(state, Json));
        write.Parameters.AddWithValue(now + options.Value.Lifetime);
        write.Parameters.AddWithValue(now);
        write.Parameters.AddWithValue((long)options.Value.MaxConversations);
        return await write.ExecuteNonQueryAsync(token) > 0;
    },
        cancellationToken);

    /// <inheritdoc/>
    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken) => database.RunAsync(
        async (connection, token) =>
        {
            await using var delete = new NpgsqlCommand("DELETE FROM faqbot_conversation_state WHERE conversation_id = $1", connection);
            delete.Parameters.AddWithValue(conversationId);
            return await delete.ExecuteNonQueryAsync(token);
        },
        cancellationToken);
}
