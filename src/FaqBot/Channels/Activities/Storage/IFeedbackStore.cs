namespace FaqBot.Channels.Activities.Storage;

/// <summary>Where ratings of answers are kept.</summary>
public interface IFeedbackStore
{
    /// <summary>Appends one rating.</summary>
    Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>All ratings so far, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ReadAllAsync(CancellationToken cancellationToken);
}
