namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Which passage each delivered answer showed, by the id the channel gave the message, because a rating (Teams'
/// feedback) names only the rated message. Bounded: the oldest entries are forgotten first.
/// </summary>
public interface ISentAnswerIndex
{
    /// <summary>How many entries are kept at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>Records that message <paramref name="activityId"/> answered with <paramref name="passageId"/>.</summary>
    Task RecordAsync(string conversationId, string activityId, string passageId, CancellationToken cancellationToken);

    /// <summary>The passage message <paramref name="activityId"/> showed, if known.</summary>
    Task<string?> FindAsync(string? conversationId, string? activityId, CancellationToken cancellationToken);
}
