using FaqBot.Answering;

namespace FaqBot.Conversation;

/// <summary>
/// Composes the channel-neutral reply to a patient's message from the articles: the best passage, or an honest
/// "not covered".
/// </summary>
public sealed class ReplyComposer(FaqAnswerer answerer) : IReplyComposer
{
    /// <inheritdoc/>
    public Reply Compose(string message)
    {
        var answer = answerer.Answer(message);
        if (answer.Best is not { } best)
        {
            return new Reply(
                ReplyKind.NoMatch,
                [new ReplyMessage(DanishTexts.NoMatch)],
                null, null, null, false, [], [], null);
        }

        var passage = best.Passage;
        return new Reply(
            ReplyKind.Answer,
            [new ReplyMessage($"**{passage.Title}**\n\n{passage.Text}")],
            passage.Id, passage.Title, Math.Round(best.Confidence, 3), false, [], [], null);
    }

    /// <inheritdoc/>
    public Reply Welcome() =>
        new(ReplyKind.SmallTalk, [new ReplyMessage(DanishTexts.Welcome)], null, null, null, false, [], [], null);
}
