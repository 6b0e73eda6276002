using System.Collections.Concurrent;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// Transcripts in PostgreSQL, shared by every replica, with the same bounds as in memory: per transcript (count and
/// bytes, oldest dropped), in total (least recently used forgotten) and idle expiry. Each append notifies the other
/// replicas (<see cref="PostgresNotifications"/>), so a stream on one sees at once what another wrote. This process
/// holds a handle per conversation in use here, which keeps what could not be written while the database was away.
/// (Over 250 lines: the SQL of each bound reads best beside the call that runs it.)
/// </summary>
public sealed class PostgresTranscriptStore(
    PostgresDatabase database,
    IOptions<TranscriptLimits> options,
    TimeProvider time,
    ILogger<PostgresTranscriptStore> logger) : ITranscriptStore
{
    /// <summary>The notification channel: <c>a:{sequence}:{id}</c> for an append, <c>e:{id}</c> for a forgotten transcript.</summary>
    public const string Channel = "faqbot_transcript";

    /// <summary>How long an open stream's mark lasts unrenewed (the client pings every 20 s; a touch is written every 30 s).</summary>
    private static readonly TimeSpan StreamLifetime = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, PostgresTranscript> _held = new(StringComparer.Ordinal);

    internal TranscriptLimits Limits => options.Value;

    internal TimeProvider Time => time;

    internal PostgresDatabase Database => database;

    public async Task<ITranscript?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_held.TryGetValue(conversationId, out var held) && !held.Ended.IsCancellationRequested)
        {
            held.Touch();
            return held;
        }

        var row = await database.RunAsync(
            async (connection, token) =>
            {
                await using var touch = new NpgsqlCommand(
                    "UPDATE faqbot_transcript SET touched_at = $2 WHERE id = $1 RETURNING user_id, last_sequence", connection);
                touch.Parameters.AddWithValue(conversationId);
                touch.Parameters.AddWithValue(time.GetUtcNow());
                await using var reader = await touch.ExecuteReaderAsync(token);
                return await reader.ReadAsync(token) ? (reader.GetString(0), reader.GetInt64(1)) : ((string, long)?)null;
            },
            cancellationToken);
        return row is var (userId, lastSequence) ? Hold(conversationId, userId, lastSequence) : null;
    }

    public async Task<(ITranscript Transcript, bool Created)> GetOrStartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversationId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var (storedUser, lastSequence, created) = await database.RunAsync(
            async (connection, token) =>
            {
                await using var start = new NpgsqlCommand(
                    """
                    INSERT INTO faqbot_transcript (id, user_id, touched_at) VALUES ($1, $2, $3)
                    ON CONFLICT (id) DO UPDATE SET touched_at = EXCLUDED.touched_at
                    RETURNING user_id, last_sequence, xmax = 0
                    """,
                    connection);
                start.Parameters.AddWithValue(conversationId);
                start.Parameters.AddWithValue(userId);
                start.Parameters.AddWithValue(time.GetUtcNow());
                await using (var reader = await start.ExecuteReaderAsync(token))
                {
                    await reader.ReadAsync(token);
                    var row = (reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2));
                    if (!row.Item3)
                    {
                        return row;
                    }
                }

                // At the bound the least recently used transcripts make room, one without an open stream first, as in memory.
                await using var evict = new NpgsqlCommand(
                    """
                    WITH gone AS (
                        DELETE FROM faqbot_transcript WHERE id IN (
                            SELECT id FROM faqbot_transcript WHERE id <> $1
                            ORDER BY coalesce(streamed_until > $4, false) DESC, touched_at DESC, id OFFSET $2)
                        RETURNING id)
                    SELECT id, pg_notify($3, 'e:' || id) FROM gone
                    """,
                    connection);
                evict.Parameters.AddWithValue(conversationId);
                evict.Parameters.AddWithValue(Math.Max(0, Limits.MaxConversations - 1));
                evict.Parameters.AddWithValue(Channel);
                evict.Parameters.AddWithValue(time.GetUtcNow());
                await ForgetAllAsync(evict, token);
                return (userId, 0L, true);
            },
            cancellationToken);
        return (Hold(conversationId, storedUser, lastSequence), created);
    }

    public async Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Limits.IdleTimeout;
        var removed = await database.RunAsync(
            async (connection, token) =>
            {
                await using var remove = new NpgsqlCommand(
                    "WITH gone AS (DELETE FROM faqbot_transcript WHERE touched_at < $1 RETURNING id) SELECT id, pg_notify($2, 'e:' || id) FROM gone",
                    connection);
                remove.Parameters.AddWithValue(cutoff);
                remove.Parameters.AddWithValue(Channel);
                return await ForgetAllAsync(remove, token);
            },
            cancellationToken);

        // Handles of transcripts other replicas keep in use are let go here once unused here.
        foreach (var (id, held) in _held)
        {
            if (held.IsIdleSince(cutoff))
            {
                _held.TryRemove(new KeyValuePair<string, PostgresTranscript>(id, held));
            }
        }

        return removed;
    }

    /// <summary>
    /// Writes <paramref name="activity"/> as the transcript's next activity (stamped with the number the database gives
    /// it, <paramref name="provisional"/> when that is still free), drops what the bounds no longer allow and tells the
    /// other replicas; with <paramref name="opensTurn"/> it is also recorded as a pending turn. Null when the transcript
    /// is gone.
    /// </summary>
    internal Task<(long Sequence, string Id)?> WriteAsync(
        string conversationId, Activity activity, TranscriptStamp stamp, bool opensTurn = false, long provisional = 0) =>
        database.RunAsync<(long, string)?>(
            async (connection, token) =>
            {
                await using var transaction = await connection.BeginTransactionAsync(token);
                var written = await PostgresActivityWriter.AppendAsync(
                    connection, transaction, conversationId, activity, stamp, Limits, time.GetUtcNow(), opensTurn, token, provisional);
                if (written is null)
                {
                    return null;
                }

                await transaction.CommitAsync(token);
                await EvictOverTotalAsync(connection, conversationId, token);
                return written;
            },
            CancellationToken.None);

    /// <summary>
    /// Conversations whose pending turns nobody answers: claimed by a replica whose lease ran out, or never claimed
    /// within a lease of the earliest one's arrival (its replica died before claiming).
    /// </summary>
    public Task<IReadOnlyList<string>> FindAbandonedTurnsAsync(TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<string>>(
            async (connection, token) =>
            {
                var now = time.GetUtcNow();
                await using var find = new NpgsqlCommand(
                    """
                    SELECT DISTINCT p.conversation_id FROM faqbot_turn p JOIN faqbot_transcript t ON t.id = p.conversation_id
                    WHERE (t.turn_owner IS NULL AND p.received_at < $1) OR (t.turn_owner IS NOT NULL AND t.turn_lease_until < $2)
                    LIMIT $3
                    """,
                    connection);
                find.Parameters.AddWithValue(now - lease);
                find.Parameters.AddWithValue(now);
                find.Parameters.AddWithValue((long)limit);
                return await find.ReadStringsAsync(token);
            },
            cancellationToken);

    /// <summary>A handle began keeping activities because the database did not take them (never says what they hold).</summary>
    internal void KeptWhileUnavailable() =>
        logger.LogWarning("The database did not take a transcript's activity; it is kept here and written when the database answers");

    /// <summary>
    /// Over the total the least recently used other transcripts are forgotten (the one written to stays; those with an
    /// open stream go last). After the
    /// append's commit and on its connection; a failure here is left to the next append, so the append is never retried.
    /// </summary>
    internal async Task EvictOverTotalAsync(NpgsqlConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await using var evict = new NpgsqlCommand(
                """
                    WITH ranked AS (
                        SELECT id, sum(bytes) OVER (ORDER BY id = $1 DESC, coalesce(streamed_until > $4, false) DESC, touched_at DESC, id) AS running
                        FROM faqbot_transcript),
                    gone AS (
                        DELETE FROM faqbot_transcript t USING ranked r WHERE t.id = r.id AND t.id <> $1 AND r.running > $2 RETURNING t.id)
                    SELECT id, pg_notify($3, 'e:' || id) FROM gone
                    """,
                connection);
            evict.Parameters.AddWithValue(conversationId);
            evict.Parameters.AddWithValue(Limits.MaxTotalBytes);
            evict.Parameters.AddWithValue(Channel);
            evict.Parameters.AddWithValue(time.GetUtcNow());
            await ForgetAllAsync(evict, cancellationToken);
        }
        catch (Exception exception) when (PostgresDatabase.IsUnavailable(exception))
        {
            logger.LogWarning("Could not forget transcripts over DirectLine:MaxTotalBytes; the next append tries again");
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> and the last number given; null when the transcript is gone.</summary>
    internal Task<TranscriptPage?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                // One statement, one snapshot: the last number and the activities agree.
                await using var read = new NpgsqlCommand(
                    """
                    SELECT t.last_sequence, a.body FROM faqbot_transcript t
                    LEFT JOIN faqbot_transcript_activity a ON a.conversation_id = t.id AND a.sequence > $2
                    WHERE t.id = $1 ORDER BY a.sequence
                    """,
                    connection);
                read.Parameters.AddWithValue(conversationId);
                read.Parameters.AddWithValue(watermark);
                await using var reader = await read.ExecuteReaderAsync(token);
                var activities = new List<Activity>();
                long? last = null;
                while (await reader.ReadAsync(token))
                {
                    last = reader.GetInt64(0);
                    if (!reader.IsDBNull(1))
                    {
                        activities.Add(JsonSerializer.Deserialize<Activity>(reader.GetString(1), BotJson.Options)!);
                    }
                }

                return last is { } lastSequence ? new TranscriptPage(activities, Math.Max(watermark, lastSequence)) : null;
            },
            cancellationToken);

    /// <summary>Marks the transcript as used now, and as streamed on when <paramref name="streaming"/> (throttled by the handle).</summary>
    internal Task TouchAsync(string conversationId, bool streaming) =>
        database.RunAsync(
            async (connection, token) =>
            {
                // A stream open here counts for StreamLifetime, three touch intervals, so one missed touch does not end it.
                await using var touch = new NpgsqlCommand(
                    "UPDATE faqbot_transcript SET touched_at = $2, streamed_until = CASE WHEN $3 THEN $4 ELSE streamed_until END WHERE id = $1",
                    connection);
                touch.Parameters.AddWithValue(conversationId);
                touch.Parameters.AddWithValue(time.GetUtcNow());
                touch.Parameters.AddWithValue(streaming);
                touch.Parameters.AddWithValue(time.GetUtcNow() + StreamLifetime);
                return await touch.ExecuteNonQueryAsync(token);
            },
            CancellationToken.None);

    /// <summary>Another replica (or this one) appended activity <paramref name="sequence"/>.</summary>
    internal void Appended(string conversationId, long sequence)
    {
        if (_held.TryGetValue(conversationId, out var held))
        {
            held.Advanced(sequence);
        }
    }

    /// <summary>The transcript was forgotten in the database: its streams close here too.</summary>
    internal void Forgotten(string conversationId)
    {
        if (_held.TryRemove(conversationId, out var held))
        {
            held.End();
        }
    }

    /// <summary>
    /// The notifications resumed after a break: every handle writes what it kept and wakes its streams, which read again
    /// whatever they may have missed.
    /// </summary>
    internal async Task ReconnectedAsync()
    {
        foreach (var held in _held.Values)
        {
            await held.FlushAsync();
            held.Wake();
        }
    }

    private PostgresTranscript Hold(string conversationId, string userId, long lastSequence)
    {
        while (true)
        {
            var held = _held.GetOrAdd(conversationId, id => new PostgresTranscript(this, id, userId, lastSequence));
            if (!held.Ended.IsCancellationRequested)
            {
                held.Advanced(lastSequence);
                return held;
            }

            // A handle of an earlier transcript of the same id that was forgotten: a new one replaces it.
            _held.TryRemove(new KeyValuePair<string, PostgresTranscript>(conversationId, held));
        }
    }

    /// <summary>Runs a deletion that returns the ids it removed; their handles here end now (other replicas hear it).</summary>
    private async Task<int> ForgetAllAsync(NpgsqlCommand deletion, CancellationToken cancellationToken)
    {
        var forgotten = await deletion.ReadStringsAsync(cancellationToken);
        forgotten.ForEach(Forgotten);
        return forgotten.Count;
    }
}
