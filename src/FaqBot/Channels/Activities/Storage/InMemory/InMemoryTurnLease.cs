namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>The claim on an in-memory transcript's pending turns: one process, so it only keeps its own turns in order.</summary>
internal sealed class InMemoryTurnLease(InMemoryTranscript transcript, TimeSpan duration) : ITurnLease
{
    public Task<PendingTurn?> NextAsync(CancellationToken cancellationToken) => Task.FromResult(transcript.NextTurn(this, duration));

    public Task<bool> CompleteAsync(PendingTurn turn, IReadOnlyList<Schema.Activity> replies, TranscriptStamp stamp) =>
        Task.FromResult(transcript.CompleteTurn(this, turn, replies, stamp));

    public Task<bool> ReleaseAsync() => Task.FromResult(transcript.ReleaseTurns(this));
}
