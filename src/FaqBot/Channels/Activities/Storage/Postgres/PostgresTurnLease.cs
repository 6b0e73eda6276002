using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>
/// A replica's claim on one conversation's pending turns in the database (<c>faqbot_transcript.turn_owner</c>, a token
/// per claim, until <c>turn_lease_until</c>). A turn is settled together with its replies in one transaction that first
/// checks the claim under a row lock, so a replica whose lease ran out while it composed never answers a turn twice.
/// </summary>
internal sealed class PostgresTurnLease : ITurnLease
{
    private readonly PostgresTranscriptStore _store;
    private readonly PostgresTranscript _transcript;
    private readonly string _owner;
    private readonly TimeSpan _duration;

    private PostgresTurnLease(PostgresTranscriptStore store, PostgresTranscript transcript, string owner, TimeSpan duration)
    {
        _store = store;
        _transcript = transcript;
        _owner = owner;
        _duration = duration;
    }

    /// <summary>Claims the turns of <paramref name="transcript"/> when nobody holds them or the holder's lease ran out.</summary>
    public static async Task<ITurnLease?> TryClaimAsync(
        PostgresTranscriptStore store, PostgresTranscript transcript, TimeSpan duration, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var claimed = await store.Database.RunAsync(
            async (connection, token) =>
            {
                var now = store.Time.GetUtcNow();
                await using var claim = new NpgsqlCommand(
                    """
                    UPDATE faqbot_transcript SET turn_owner = $2, turn_lease_until = $3
                    WHERE id = $1 AND (turn_owner IS NULL OR turn_lease_until < $4)
                    """,
                    connection);
                claim.Parameters.AddWithValue(transcript.Id);
                claim.Parameters.AddWithValue(owner);
                claim.Parameters.AddWithValue(now + duration);
                claim.Parameters.AddWithValue(now);
                return await claim.ExecuteNonQueryAsync(token) == 1;
            },
            cancellationToken);
        return claimed ? new PostgresTurnLease(store, transcript, owner, duration) : null;
    }

    public Task<PendingTurn?> NextAsync(CancellationToken cancellationToken) =>
        _store.Database.RunAsync(
            async (connection, token) =>
            {
                // Renews the claim and reads the earliest turn in one statement; nothing when the claim is lost.
                await using var next = new NpgsqlCommand(
                    """
                    WITH held AS (UPDATE faqbot_transcript SET turn_lease_until = $3 WHERE id = $1 AND turn_owner = $2 RETURNING id)
                    SELECT p.sequence, a.body FROM held JOIN faqbot_turn p ON p.conversation_id = held.id
                    LEFT JOIN faqbot_transcript_activity a ON a.conversation_id = p.conversation_id AND a.sequence = p.sequence
                    ORDER BY p.sequence LIMIT 1
                    """,
                    connection);
                next.Parameters.AddWithValue(_transcript.Id);
                next.Parameters.AddWithValue(_owner);
                next.Parameters.AddWithValue(_store.Time.GetUtcNow() + _duration);
                await using var reader = await next.ExecuteReaderAsync(token);
                if (!await reader.ReadAsync(token))
                {
                    return null;
                }

                // A message the transcript's bounds already dropped is answered with nothing: there is nothing to read.
                var message = reader.IsDBNull(1) ? null : JsonSerializer.Deserialize<Activity>(reader.GetString(1), BotJson.Options);
                return new PendingTurn(reader.GetInt64(0), message ?? new Activity { Type = ActivityTypes.Message });
            },
            cancellationToken);

    public Task<bool> CompleteAsync(PendingTurn turn, IReadOnlyList<Activity> replies, TranscriptStamp stamp) =>
        SettleAsync(_store, _transcript, _owner, turn, replies, stamp);

    /// <summary>
    /// Marks <paramref name="turn"/> answered and appends <paramref name="replies"/> in one transaction, if the turn is
    /// still pending and (when <paramref name="owner"/> is given) that claim still holds; false, and nothing appended,
    /// otherwise. The transcript's row is locked first, as every claim and append does, so they wait for each other.
    /// </summary>
    public static async Task<bool> SettleAsync(
        PostgresTranscriptStore store, PostgresTranscript transcript, string? owner, PendingTurn turn, IReadOnlyList<Activity> replies, TranscriptStamp stamp)
    {
        var last = await store.Database.RunAsync<long?>(
            async (connection, token) =>
            {
                await using var transaction = await connection.BeginTransactionAsync(token);
                await using var settle = new NpgsqlCommand(
                    """
                    WITH held AS (SELECT id FROM faqbot_transcript WHERE id = $1 AND ($2::text IS NULL OR turn_owner = $2) FOR UPDATE)
                    DELETE FROM faqbot_turn p USING held WHERE p.conversation_id = held.id AND p.sequence = $3
                    """,
                    connection,
                    transaction);
                settle.Parameters.AddWithValue(transcript.Id);
                settle.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                settle.Parameters.AddWithValue(turn.Sequence);
                if (await settle.ExecuteNonQueryAsync(token) != 1)
                {
                    return null;
                }

                long lastSequence = 0;
                foreach (var reply in replies)
                {
                    var written = await PostgresActivityWriter.AppendAsync(
                        connection, transaction, transcript.Id, reply, stamp, store.Limits, store.Time.GetUtcNow(), opensTurn: false, token);
                    lastSequence = written?.Sequence ?? lastSequence;
                }

                await transaction.CommitAsync(token);
                await store.EvictOverTotalAsync(connection, transcript.Id, token);
                return lastSequence;
            },
            CancellationToken.None);
        if (last is > 0 and var sequence)
        {
            transcript.Advanced(sequence);
        }

        return last is not null;
    }

    public Task<bool> ReleaseAsync() =>
        _store.Database.RunAsync(
            async (connection, token) =>
            {
                // Two statements, two snapshots: a turn that arrived while this claim still held is seen by the second.
                await using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(PostgresActivityWriter.Command(
                    "UPDATE faqbot_transcript SET turn_owner = NULL, turn_lease_until = NULL WHERE id = $1 AND turn_owner = $2", _transcript.Id, _owner));
                batch.BatchCommands.Add(PostgresActivityWriter.Command(
                    "SELECT EXISTS (SELECT 1 FROM faqbot_turn WHERE conversation_id = $1)", _transcript.Id));
                return await batch.ExecuteScalarAsync(token) is true;
            },
            CancellationToken.None);
}
