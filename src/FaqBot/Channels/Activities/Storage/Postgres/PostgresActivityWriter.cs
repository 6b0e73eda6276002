using System.Globalization;
using System.Text;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Appends one activity to a transcript inside the caller's transaction: numbers it, stores it, drops what the
/// transcript's bounds no longer allow and notifies every replica; optionally records it as a pending turn in the same
/// write. Shared by plain appends and by a turn's completion, which appends its replies and settles the turn at once.
/// </summary>
internal static class PostgresActivityWriter
{
    /// <summary>
    /// The number the database gave <paramref name="activity"/> and its id; null when the transcript is gone. With
    /// <paramref name="provisional"/> (the number it was kept under while the database was away) it keeps that number
    /// when it is still free, so its id does not change.
    /// </summary>
    public static async Task<(long Sequence, string Id)?> AppendAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string conversationId,
        Activity activity,
        TranscriptStamp stamp,
        TranscriptLimits limits,
        DateTimeOffset now,
        bool opensTurn,
        CancellationToken cancellationToken,
        long provisional = 0)
    {
        await using var next = new NpgsqlCommand(
            "UPDATE faqbot_transcript SET last_sequence = greatest(last_sequence + 1, $3), touched_at = $2 WHERE id = $1 RETURNING last_sequence",
            connection,
            transaction);
        next.Parameters.AddWithValue(conversationId);
        next.Parameters.AddWithValue(now);
        next.Parameters.AddWithValue(provisional);
        if (await next.ExecuteScalarAsync(cancellationToken) is not long sequence)
        {
            return null;
        }

        var id = stamp(activity, sequence);
        var body = JsonSerializer.Serialize(activity, BotJson.Options);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "INSERT INTO faqbot_transcript_activity (conversation_id, sequence, bytes, body) VALUES ($1, $2, $3, $4)",
            conversationId, sequence, Encoding.UTF8.GetByteCount(body), body));
        if (opensTurn)
        {
            // Only the message's number: its words stay in the transcript.
            batch.BatchCommands.Add(Command(
                "INSERT INTO faqbot_turn (conversation_id, sequence, received_at) VALUES ($1, $2, $3)", conversationId, sequence, now));
        }

        // The newest activity always stays, so a reply larger than the bound is still delivered.
        batch.BatchCommands.Add(Command(
            """
            DELETE FROM faqbot_transcript_activity WHERE conversation_id = $1 AND sequence IN (
                SELECT sequence FROM (
                    SELECT sequence, row_number() OVER newest AS n, sum(bytes) OVER newest AS running
                    FROM faqbot_transcript_activity WHERE conversation_id = $1 WINDOW newest AS (ORDER BY sequence DESC)) ranked
                WHERE n > 1 AND (n > $2 OR running > $3))
            """,
            conversationId, (long)limits.MaxActivitiesPerConversation, limits.MaxConversationBytes));
        batch.BatchCommands.Add(Command(
            "UPDATE faqbot_transcript SET bytes = (SELECT coalesce(sum(bytes), 0) FROM faqbot_transcript_activity WHERE conversation_id = $1) WHERE id = $1",
            conversationId));
        batch.BatchCommands.Add(Command(
            "SELECT pg_notify($1, 'a:' || $2 || ':' || $3)",
            PostgresTranscriptStore.Channel, sequence.ToString(CultureInfo.InvariantCulture), conversationId));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return (sequence, id);
    }

    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
