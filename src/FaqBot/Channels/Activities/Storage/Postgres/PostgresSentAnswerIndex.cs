using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>The sent-answer index in PostgreSQL (ids and passage names only); <see cref="PostgresMaintenance"/> keeps it bounded.</summary>
public sealed class PostgresSentAnswerIndex(PostgresDatabase database, TimeProvider time) : ISentAnswerIndex
{
    /// <inheritdoc/>
    public Task RecordAsync(string conversationId, string activityId, string passageId, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO faqbot_sent_answer (conversation_id, activity_id, passage_id, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    connection);
                insert.Parameters.AddWithValue(conversationId);
                insert.Parameters.AddWithValue(activityId);
                insert.Parameters.AddWithValue(passageId);
                insert.Parameters.AddWithValue(time.GetUtcNow());
                return await insert.ExecuteNonQueryAsync(token);
            },
            cancellationToken);

    /// <inheritdoc/>
    public async Task<string?> FindAsync(string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (conversationId is null || activityId is null)
        {
            return null;
        }

        return await database.RunAsync(
            async (connection, token) =>
            {
                await using var find = new NpgsqlCommand(
                    "SELECT passage_id FROM faqbot_sent_answer WHERE conversation_id = $1 AND activity_id = $2", connection);
                find.Parameters.AddWithValue(conversationId);
                find.Parameters.AddWithValue(activityId);
                return await find.ExecuteScalarAsync(token) as string;
            },
            cancellationToken);
    }
}
