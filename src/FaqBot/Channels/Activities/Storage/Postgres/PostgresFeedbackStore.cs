using Npgsql;

namespace FaqBot.Channels.Activities.Storage.Postgres;

/// <summary>Ratings in PostgreSQL: the time, like or dislike, and the passage — nothing else, as everywhere.</summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    public Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var insert = new NpgsqlCommand("INSERT INTO faqbot_feedback (rated_at, rating, passage_id) VALUES ($1, $2, $3)", connection);
                insert.Parameters.AddWithValue(record.Timestamp);
                insert.Parameters.AddWithValue(record.Rating == FeedbackRating.Like ? "like" : "dislike");
                insert.Parameters.AddWithValue((object?)record.PassageId ?? DBNull.Value);
                return await insert.ExecuteNonQueryAsync(token);
            },
            cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ReadAllAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<FeedbackRecord>>(
            async (connection, token) =>
            {
                await using var read = new NpgsqlCommand("SELECT rated_at, rating, passage_id FROM faqbot_feedback ORDER BY id", connection);
                await using var reader = await read.ExecuteReaderAsync(token);
                var records = new List<FeedbackRecord>();
                while (await reader.ReadAsync(token))
                {
                    records.Add(new FeedbackRecord(
                        reader.GetFieldValue<DateTimeOffset>(0),
                        reader.GetString(1) == "like" ? FeedbackRating.Like : FeedbackRating.Dislike,
                        reader.IsDBNull(2) ? null : reader.GetString(2)));
                }

                return records;
            },
            cancellationToken);
}
