using System.Diagnostics;

namespace FaqBot.LoadTest;

/// <summary>
/// One patient: gets a token as the chat page does, starts the conversation, opens its stream, waits for the welcome,
/// then sends each message only after the previous one was answered, and checks everything that came back. Given two
/// replicas, the patient starts on one, reads the stream from the other and posts to each in turn, so every reply
/// crosses from the replica that wrote it to the one that streams it.
/// </summary>
internal sealed class PatientConversation(IReadOnlyList<DirectLineApi> replicas, IReadOnlyList<string> questions, int number, LoadOptions options)
{
    /// <summary>After the last reply, how long to keep listening for late bubbles or duplicates.</summary>
    private static readonly TimeSpan TrailingWindow = TimeSpan.FromMilliseconds(500);

    public async Task<ConversationOutcome> RunAsync(int messages, CancellationToken cancellationToken)
    {
        var ledger = new DeliveryLedger();
        string? failure = null;
        try
        {
            var api = replicas[number % replicas.Count];
            var streaming = replicas[(number + 1) % replicas.Count];
            var pageToken = await api.PageTokenAsync(cancellationToken);
            var conversation = await api.StartAsync(pageToken, cancellationToken);
            await using var stream = new ActivityStream();
            await stream.ConnectAsync(streaming.StreamUrlOf(conversation), streaming.Origin, cancellationToken);
            try
            {
                await ReadUntilAsync(stream, ledger, () => ledger.WelcomeSeen, "welcome", cancellationToken);
                for (var index = 0; index < messages; index++)
                {
                    // Each patient starts at a different question so the server sees them all at once.
                    var text = questions[(number + index) % questions.Count];
                    var sentAt = Stopwatch.GetTimestamp();
                    var id = await replicas[(number + index) % replicas.Count].PostMessageAsync(conversation, text, $"load-{number}-{index}", cancellationToken);
                    var message = ledger.Sent(id, sentAt);
                    await ReadUntilAsync(stream, ledger, () => message.Replies > 0, "reply", cancellationToken);
                }

                await DrainAsync(stream, ledger, cancellationToken);
            }
            finally
            {
                if (stream.WatermarkRegressions > 0)
                {
                    failure ??= $"{stream.WatermarkRegressions} frame(s) with a watermark going backwards";
                }
            }
        }
        catch (LoadFailure exception)
        {
            failure = exception.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "run timed out";
        }

        ledger.Close();
        return new ConversationOutcome(ledger, failure);
    }

    private async Task ReadUntilAsync(ActivityStream stream, DeliveryLedger ledger, Func<bool> done, string waitingFor, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReplyTimeout);
        try
        {
            while (!done())
            {
                if (!await stream.Arrived.WaitToReadAsync(timeout.Token))
                {
                    throw new LoadFailure($"stream ended while waiting for the {waitingFor}: {stream.Broken ?? "no reason"}");
                }

                while (stream.Arrived.TryRead(out var activity))
                {
                    ledger.Observe(activity);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LoadFailure($"no {waitingFor} within {options.ReplyTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Listens a little after the last reply, so late bubbles and duplicates are counted too.</summary>
    private static async Task DrainAsync(ActivityStream stream, DeliveryLedger ledger, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(TrailingWindow);
        try
        {
            while (await stream.Arrived.WaitToReadAsync(window.Token))
            {
                while (stream.Arrived.TryRead(out var activity))
                {
                    ledger.Observe(activity);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The window closed; nothing more came.
        }
    }
}

/// <summary>How one conversation went: what the ledger counted, and why it stopped early if it did.</summary>
internal sealed record ConversationOutcome(DeliveryLedger Ledger, string? Failure);
