using System.Text.Json;
using FaqBot.Channels.Activities;
using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Turns;
using FaqBot.Conversation;
using FaqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Tests.BotChannel;

/// <summary>The turn handler keeps the last answered passage (and only its id) for a short while, to read a follow-up by.</summary>
public sealed class FollowUpMemoryTests : IDisposable
{
    private const string Conversation = "c1";
    private readonly AdjustableTimeProvider _clock = new();
    private readonly InMemoryConversationMemory _memory;
    private readonly TopicRecordingComposer _composer = new();
    private readonly TurnHandler _handler;
    private readonly ConversationMemoryOptions _options = new() { TopicLifetime = TimeSpan.FromMinutes(10) };

    public FollowUpMemoryTests()
    {
        _memory = new InMemoryConversationMemory(Options.Create(_options), _clock);
        _handler = new TurnHandler(_composer, _memory, _clock, Options.Create(new TurnOptions()), Options.Create(_options), NullLogger<TurnHandler>.Instance);
    }

    public void Dispose() => _memory.Dispose();

    [Fact]
    public async Task RespondAsync_AnswerThenFollowUp_FollowUpIsReadByThePreviousPassage()
    {
        await SayAsync("Hvilke faser er der ved frossen skulder?");
        await SayAsync("og hvad med øvelser?");

        Assert.Equal([null, "frossen-skulder#faser"], _composer.Topics.Select(topic => topic?.PassageId));
    }

    [Fact]
    public async Task RespondAsync_AfterTheTopicLifetime_TheMessageIsReadAlone()
    {
        await SayAsync("Hvilke faser er der ved frossen skulder?");
        _clock.Advance(_options.TopicLifetime + TimeSpan.FromSeconds(1));
        await SayAsync("og hvad med øvelser?");

        Assert.Null(_composer.Topics[^1]);
    }

    [Fact]
    public async Task RespondAsync_ANoMatchInBetween_KeepsTheLastAnsweredTopic()
    {
        await SayAsync("Hvilke faser er der ved frossen skulder?");
        await SayAsync("ingen match her");
        await SayAsync("og hvad med øvelser?");

        Assert.Equal("frossen-skulder#faser", _composer.Topics[^1]?.PassageId);
    }

    [Fact]
    public async Task RespondAsync_StoredState_HoldsThePassageIdNeverThePatientsWords()
    {
        await SayAsync("Hvilke faser er der ved frossen skulder?");

        var state = _memory.Get(Conversation)!;
        Assert.Equal("frossen-skulder#faser", state.Topic!.PassageId);
        var stored = JsonSerializer.Serialize(state);
        Assert.DoesNotContain("Hvilke", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("faser er der", stored, StringComparison.OrdinalIgnoreCase);
    }

    private Task<IReadOnlyList<OutboundActivity>> SayAsync(string text) => _handler.RespondAsync(
        new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "directline",
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = Conversation },
            Text = text,
        },
        CancellationToken.None);

    /// <summary>Answers with a fixed passage unless told "ingen match", and records the topic each message was read by.</summary>
    private sealed class TopicRecordingComposer : IReplyComposer
    {
        public List<ConversationTopic?> Topics { get; } = [];

        public Reply Compose(string message, CancellationToken cancellationToken = default) => Compose(message, null, cancellationToken);

        public Reply Compose(string message, ConversationTopic? previous, CancellationToken cancellationToken = default)
        {
            Topics.Add(previous);
            return message.Contains("ingen match", StringComparison.Ordinal)
                ? Reply.NoMatch("Det kan jeg ikke finde.", [])
                : Reply.Answer([new ReplyMessage("**Faser**\n\nTekst.")], "frossen-skulder#faser", "Faser", 0.9, [], source: null);
        }

        public Reply Welcome() => Reply.SmallTalk("Hej", []);
    }
}
