using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Answers a conversation's pending turns (patient messages stored and not yet answered) under its lease: in order,
/// each settled together with its replies, so whichever replica holds the lease answers each turn exactly once. When the
/// lease is let go and a turn came in meanwhile, it claims again; a turn it cannot answer (the store is away, the
/// process dies) stays pending for whoever holds the lease next (<see cref="DirectLineTurnRecovery"/>).
/// </summary>
public sealed class DirectLinePendingTurns(
    TurnHandler turns,
    KillBeforeComposingForTests killSwitch,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLinePendingTurns> logger)
{
    /// <summary>Answers <paramref name="conversation"/>'s pending turns; does nothing when another lease holds them.</summary>
    public async Task AnswerAsync(ITranscript conversation, CancellationToken cancellationToken)
    {
        try
        {
            bool arrivedMeanwhile;
            do
            {
                if (await conversation.TryLeaseTurnsAsync(options.Value.TurnLease, cancellationToken) is not { } lease)
                {
                    // Another replica (or an earlier pass here) holds them and answers them, or they are taken over when
                    // its lease runs out.
                    return;
                }

                await AnswerLeasedAsync(conversation, lease, cancellationToken);
                arrivedMeanwhile = await lease.ReleaseAsync();
            }
            while (arrivedMeanwhile && !conversation.Ended.IsCancellationRequested);
        }
        catch (StorageUnavailableException)
        {
            logger.LogWarning("Pending Direct Line turns wait: the store is unavailable; they are taken over once it answers");
        }
    }

    private async Task AnswerLeasedAsync(ITranscript conversation, ITurnLease lease, CancellationToken cancellationToken)
    {
        while (await lease.NextAsync(cancellationToken) is { } turn)
        {
            killSwitch.BeforeComposing();
            await conversation.AppendAsync(ActivityMapper.Typing(turn.Message), time.GetUtcNow(), cancellationToken);
            // Keyed by the message's id: if this replica dies before storing the reply, the one that takes the turn over
            // composes it from the same conversation state.
            var replies = await turns.RespondAsync(turn.Message, cancellationToken, turnKey: turn.Message.Id);

            if (!await lease.CompleteAsync(turn, [.. replies.Select(reply => reply.Activity)], conversation.StampAt(time.GetUtcNow())))
            {
                // This lease ran out and another replica took the turns over: it answers them, this reply is dropped.
                logger.LogWarning("A Direct Line turn was taken over by another replica before its reply was stored; that replica answers it");
                return;
            }
        }
    }
}
