using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.BotChannel.Feedback;

namespace FaqBot.Tests.BotChannel;

public sealed class FeedbackStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faqbot-feedback-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheFileStoreAppendsOneLinePerRatingWithOnlyTimestampRatingAndPassage()
    {
        var path = Path.Combine(_directory, "feedback.jsonl");
        var store = new JsonLinesFeedbackStore(path);
        var at = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

        await store.AppendAsync(new FeedbackRecord(at, FeedbackRating.Like, "iskias#hvad"), CancellationToken.None);
        await store.AppendAsync(new FeedbackRecord(at.AddMinutes(1), FeedbackRating.Dislike, null), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(
            [
                "{\"timestamp\":\"2026-11-21T10:00:00+00:00\",\"rating\":\"like\",\"passageId\":\"iskias#hvad\"}",
                "{\"timestamp\":\"2026-11-21T10:01:00+00:00\",\"rating\":\"dislike\"}",
            ],
            lines);
        Assert.Equal(
            [new FeedbackRecord(at, FeedbackRating.Like, "iskias#hvad"), new FeedbackRecord(at.AddMinutes(1), FeedbackRating.Dislike, null)],
            await store.ReadAllAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
