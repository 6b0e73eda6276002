using FaqBot.Channels.Activities.Memory;
using FaqBot.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.BotChannel;

public sealed class ConversationMemoryTests
{
    private readonly AdjustableTimeProvider _clock = new();

    [Fact]
    public void A_state_is_kept_until_its_lifetime_has_passed_since_it_was_last_set()
    {
        using var memory = NewMemory(maxConversations: 10);
        var state = new ConversationState(new PendingScreening("caudaEquina", _clock.GetUtcNow()), ["caudaEquina"]);

        Assert.True(memory.Set("a", state));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(state, memory.Get("a"));
        Assert.True(memory.Set("a", state with { Pending = null }));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(state with { Pending = null }, memory.Get("a"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(memory.Get("a"));
    }

    [Fact]
    public void Remove_forgets_a_conversation()
    {
        using var memory = NewMemory(maxConversations: 10);
        memory.Set("a", new ConversationState(null, ["trauma"]));

        memory.Remove("a");

        Assert.Null(memory.Get("a"));
    }

    [Fact]
    public void The_memory_holds_at_most_its_limit_and_says_when_it_could_not_keep_a_state()
    {
        using var memory = NewMemory(maxConversations: 3);

        var stored = Enumerable.Range(0, 20).Select(i => memory.Set($"c{i}", new ConversationState(null, ["nightPain"]))).ToList();

        Assert.True(memory.Count <= 3);
        Assert.All(stored.Take(3), Assert.True);
        Assert.Contains(false, stored);
        // What was not kept cannot be read back (a question about it is then not asked).
        Assert.All(Enumerable.Range(0, 20).Where(i => !stored[i]), i => Assert.Null(memory.Get($"c{i}")));
    }

    private InMemoryConversationMemory NewMemory(int maxConversations) =>
        new(Options.Create(new ConversationMemoryOptions { Lifetime = TimeSpan.FromHours(1), MaxConversations = maxConversations }), _clock);
}
