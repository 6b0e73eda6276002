using FaqBot.Channels.Activities;
using FaqBot.Channels.Activities.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.BotChannel;

/// <summary>The outbound queue is bounded per conversation and in total, so a Connector that never answers cannot pile up work.</summary>
public sealed class ConversationOutboxTests
{
    [Fact]
    public async Task A_stuck_conversation_cannot_queue_more_than_its_share_nor_all_of_them_more_than_the_total()
    {
        using var outbox = new ConversationQueue(
            Options.Create(new TurnOptions { MaxQueuedRepliesPerConversation = 2, MaxQueuedReplies = 3 }),
            NullLogger<ConversationQueue>.Instance);
        var never = new TaskCompletionSource();
        Func<CancellationToken, Task> stuck = _ => never.Task;

        var a1 = outbox.TryEnqueue("a", stuck);
        var a2 = outbox.TryEnqueue("a", stuck);
        var a3 = outbox.TryEnqueue("a", stuck);
        var b1 = outbox.TryEnqueue("b", stuck);
        var c1 = outbox.TryEnqueue("c", stuck);

        Assert.Equal([true, true, false, true, false], new[] { a1, a2, a3, b1, c1 });

        never.SetResult();
        await outbox.WhenIdleAsync();
        Assert.True(outbox.TryEnqueue("c", _ => Task.CompletedTask));
        await outbox.WhenIdleAsync();
    }
}
