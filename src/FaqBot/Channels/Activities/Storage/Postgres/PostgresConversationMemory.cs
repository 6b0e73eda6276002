using System.Text.Json;
using FaqBot.Channels.Activities.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: which screening question waits and which were asked —
/// never the patient's text. Expires and is bounded in count as in memory. Synchronous, as the turn that reads it.
/// </summary>
public sealed class PostgresConversationMemory(PostgresDatabase database, IOptions<ConversationMemoryOptions> options, TimeProvider time)
    : IConversationMemory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc/>
    public ConversationState? Get(string conversationId) => database.Run(connection =>
    {
        using var read = new NpgsqlCommand("SELECT state FROM faqbot_conversation_state WHERE conversation_id = $1 AND expires_at > $2", connection);
        read.Parameters.AddWithValue(conversationId);
        read.Parameters.AddWithValue(time.GetUtcNow());
        return read.ExecuteScalar() is string state ? JsonSerializer.Deserialize<ConversationState>(state, Json) : null;
    });

    /// <inheritdoc/>
    public bool Set(string conversationId, ConversationState state) => database.Run(connection =>
    {
        // A conversation already remembered is always updated; a new one only while the live ones are under the bound.
        using var write = new NpgsqlCommand(
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
        return write.ExecuteNonQuery() > 0;
    });

    /// <inheritdoc/>
    public void Remove(string conversationId) => database.Run(connection =>
    {
        using var delete = new NpgsqlCommand("DELETE FROM faqbot_conversation_state WHERE conversation_id = $1", connection);
        delete.Parameters.AddWithValue(conversationId);
        return delete.ExecuteNonQuery();
    });
}
