using FaqBot.Conversation;

namespace FaqBot.Evaluation;

/// <summary>How one follow-up was answered: in the light of the first turn, and alone.</summary>
/// <param name="Case">The exchange.</param>
/// <param name="Topic">The first turn's answered passage, or null when it was not answered.</param>
/// <param name="WithTopic">The follow-up's passage when read after the first turn (null: declined).</param>
/// <param name="Alone">The follow-up's passage when read alone (null: declined).</param>
public sealed record FollowUpOutcome(FollowUpCase Case, string? Topic, string? WithTopic, string? Alone)
{
    /// <summary>Whether the follow-up, read after the first turn, got an expected passage (or was declined when none should).</summary>
    public bool Correct => IsRight(WithTopic);

    /// <summary>The same, read alone: the figure before follow-ups were understood.</summary>
    public bool CorrectAlone => IsRight(Alone);

    private bool IsRight(string? passageId) => passageId is null ? Case.ExpectsNone : Case.Expected.Contains(passageId);
}

/// <summary>Scores a composer on two-turn exchanges, through the same reply pipeline a chat uses.</summary>
public static class FollowUpEvaluator
{
    /// <summary>Every case's outcome, in file order.</summary>
    public static IReadOnlyList<FollowUpOutcome> Evaluate(IReplyComposer composer, IEnumerable<FollowUpCase> cases) =>
        [.. cases.Select(c =>
        {
            var first = composer.Compose(c.First);
            var topic = Answered(first) is { } passageId ? new ConversationTopic(passageId) : null;
            return new FollowUpOutcome(c, topic?.PassageId, Answered(composer.Compose(c.FollowUp, topic)), Answered(composer.Compose(c.FollowUp)));
        })];

    /// <summary>The share of <paramref name="outcomes"/> that are right (0 when there are none).</summary>
    public static double Accuracy(IReadOnlyList<FollowUpOutcome> outcomes, Func<FollowUpOutcome, bool> right) =>
        outcomes.Count == 0 ? 0 : (double)outcomes.Count(right) / outcomes.Count;

    private static string? Answered(Reply reply) => reply.Kind == ReplyKind.Answer ? reply.PassageId : null;
}
