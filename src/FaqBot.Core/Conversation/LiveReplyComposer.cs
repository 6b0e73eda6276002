namespace FaqBot.Conversation;

/// <summary>
/// The reply composer of whatever engine <see cref="LiveEngine"/> has in service: each call composes on the engine
/// current when it starts, so a reload never changes the content under a reply being composed.
/// </summary>
public sealed class LiveReplyComposer(LiveEngine engine) : IReplyComposer
{
    /// <inheritdoc/>
    public Reply Compose(string message, CancellationToken cancellationToken = default) =>
        engine.Current.Composer.Compose(message, cancellationToken);

    /// <inheritdoc/>
    public Reply Compose(string message, ConversationTopic? previous, CancellationToken cancellationToken = default) =>
        engine.Current.Composer.Compose(message, previous, cancellationToken);

    /// <inheritdoc/>
    public Reply Welcome() => engine.Current.Composer.Welcome();

    /// <inheritdoc/>
    public Reply? AnswerScreening(string kind, string message) => engine.Current.Composer.AnswerScreening(kind, message);

    /// <inheritdoc/>
    public Reply Unavailable() => engine.Current.Composer.Unavailable();
}
