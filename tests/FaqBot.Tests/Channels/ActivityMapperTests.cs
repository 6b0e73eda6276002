using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Turns;
using FaqBot.Conversation;
using FaqBot.Screening;

namespace FaqBot.Tests.Channels;

/// <summary>
/// Reply → activities: the urgent advice as a warning card with tap-to-call numbers (the advice kept as the text), and the
/// passage each bubble shows carried beside it, never read back out of channelData.
/// </summary>
public sealed class ActivityMapperTests
{
    private const string Advice = "**Ring 112 nu.** Det skal undersøges med det samme.";

    [Fact]
    public void TheUrgentBubbleIsAnAttentionCardWithTelLinksAndTheAdviceAsText()
    {
        var activities = ActivityMapper.ToActivities(RedFlagReply(UrgentContacts.ForRegion("syddanmark")!), Inbound("directline")).Select(reply => reply.Activity).ToList();

        Assert.Equal(2, activities.Count);
        var urgent = activities[0];
        // The advice first, then the numbers as Markdown tel: links (for Teams' text and channels without cards).
        Assert.Equal($"{Advice}\n\n[Ring 112](tel:112) · [Ring til lægevagten (70 11 07 07)](tel:70110707)", urgent.Text);
        Assert.True((bool)urgent.ChannelData!["faqbot"]!["urgent"]!);
        var attachment = Assert.Single(urgent.Attachments!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal(urgent.Text, (string?)card["fallbackText"]);
        var container = card["body"]![0]!;
        Assert.Equal("attention", (string?)container["style"]);
        Assert.Equal(UrgentCard.Heading, (string?)container["items"]![0]!["text"]);
        Assert.Equal(Advice, (string?)container["items"]![1]!["text"]);
        Assert.Equal(
            [("Action.OpenUrl", "Ring 112", "tel:112"), ("Action.OpenUrl", "Ring til lægevagten (70 11 07 07)", "tel:70110707")],
            card["actions"]!.AsArray().Select(a => ((string)a!["type"]!, (string)a["title"]!, (string)a["url"]!)));

        // The answer after it stays an ordinary bubble.
        var answer = activities[1];
        Assert.Null(answer.Attachments);
        Assert.False((bool)answer.ChannelData!["faqbot"]!["urgent"]!);
    }

    [Fact]
    public void WithoutARegionTheCardOffersOnly112()
    {
        var urgent = ActivityMapper.ToActivities(RedFlagReply(UrgentContacts.Default), Inbound("webchat"))[0].Activity;

        var actions = urgent.Attachments![0]!["content"]!["actions"]!.AsArray();
        Assert.Equal("tel:112", (string?)Assert.Single(actions)!["url"]);
    }

    [Fact]
    public void TheUnavailableApologyIsUrgentAdviceWith112ToTap()
    {
        var apology = Assert.Single(ActivityMapper.ToActivities(((IReplyComposer)new DefaultApologyComposer()).Unavailable(), Inbound("directline"))).Activity;

        Assert.Contains("ring 112", apology.Text, StringComparison.Ordinal);
        Assert.Contains("lægevagten i din region", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", apology.Text, StringComparison.Ordinal);
        Assert.Equal("tel:112", (string?)apology.Attachments![0]!["content"]!["actions"]![0]!["url"]);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TeamsGetsTheCardAndTheRegionFilledIntoTheRealAdvice()
    {
        await using var factory = new BotTestHost
        {
            ServedComposer = null,
            Settings = new Dictionary<string, string?> { ["Safety:Region"] = "midtjylland" },
        };
        using var client = factory.CreateClient();

        var replies = await Activities.ExpectRepliesAsync(client, Activities.Message("Mit ben bliver svagere og foden klasker", channelId: "msteams"));

        var urgent = replies[0]!;
        Assert.True((bool)urgent["channelData"]!["faqbot"]!["urgent"]!);
        Assert.StartsWith("**Kontakt din egen læge i dag – eller lægevagten på 70 11 31 31, hvis lægen har lukket.**", (string?)urgent["text"], StringComparison.Ordinal);
        Assert.EndsWith("[Ring 112](tel:112) · [Ring til lægevagten (70 11 31 31)](tel:70113131)", (string?)urgent["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("{lægevagt}", (string?)urgent["text"], StringComparison.Ordinal);
        var card = urgent["attachments"]![0]!["content"]!;
        Assert.Equal("attention", (string?)card["body"]![0]!["style"]);
        Assert.Equal(["tel:112", "tel:70113131"], card["actions"]!.AsArray().Select(a => (string)a!["url"]!));
        Assert.All(replies.Skip(1), reply => Assert.Null(reply!["attachments"]));
    }

    [Fact]
    public void ToActivitiesAnswerWithScreeningQuestionPassageBesideEveryBubbleButTheQuestion()
    {
        var reply = Reply.Answer(
            [ReplyMessage.UrgentAdvice("**Ring 112 nu.**", UrgentContacts.Default), new ReplyMessage("**Svar**\n\nTekst.")],
            "iskias#svar", "Svar", 0.9, [], source: null, redFlag: true, redFlags: ["caudaEquina"])
            with
        { Screening = new ScreeningQuestion("caudaEquina", "Kan du mærke, når du skal tisse?") };

        var activities = ActivityMapper.ToActivities(reply, Inbound("msteams"));

        Assert.Equal(["iskias#svar", "iskias#svar", null], activities.Select(outbound => outbound.PassageId));
        Assert.Equal("Kan du mærke, når du skal tisse?", activities[^1].Activity.Text);
    }

    [Fact]
    public void ToActivitiesSmallTalkNoPassage()
    {
        var activities = ActivityMapper.ToActivities(Reply.SmallTalk("Hej!", []), Inbound("msteams"));

        Assert.Null(Assert.Single(activities).PassageId);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public void ToActivities_CitedAnswer_MarkerOnTheAnswerNotAfterTheSafetyNote(string channelId)
    {
        var activity = Assert.Single(ActivityMapper.ToActivities(CitedAnswer(), Inbound(channelId))).Activity;

        Assert.StartsWith($"**Symptomer**\n\nDet gør ondt ned i benet. [1]\n\n[Læs hele afsnittet]({CitedUrl})\n\n{SafetyNote}", activity.Text, StringComparison.Ordinal);
        // Once as the marker; on Web Chat once more as the reference definition at the very end.
        Assert.Equal(channelId == "msteams" ? 1 : 2, activity.Text!.Split("[1]").Length - 1);
    }

    [Fact]
    public void ToActivities_CitedAnswerOnWebChat_DefinitionAndClaimNameTheArticlesOwnTitle()
    {
        var activity = Assert.Single(ActivityMapper.ToActivities(CitedAnswer(), Inbound("webchat"))).Activity;

        // Web Chat links the marker through the Markdown reference definition, after the whole bubble.
        Assert.EndsWith($"{SafetyNote}\n\n[1]: {CitedUrl} \"Iskias\"", activity.Text, StringComparison.Ordinal);
        var appearance = Assert.Single(Assert.Single(activity.Entities!).As<OrgSchemaMessage>()!.Citation).Appearance;
        Assert.Equal("Iskias", appearance.Name);
        Assert.Equal(CitedUrl, appearance.Url);
        // The abstract is the answer it supports, not the link or the safety note.
        Assert.Equal("Symptomer Det gør ondt ned i benet.", appearance.Abstract);
    }

    [Fact]
    public void ToActivities_CitedAnswerOnWebChatLinkingByPath_KeepsTheDefinition()
    {
        const string PathUrl = "/artikler/iskias#symptomer";
        var reply = Reply.Answer([new ReplyMessage("**Svar**\n\nTekst.")], "iskias#symptomer", "Svar", 0.9, [], new SourceCitation("Iskias", PathUrl));

        var activity = Assert.Single(ActivityMapper.ToActivities(reply, Inbound("webchat"))).Activity;

        // The chat page makes the path absolute on its own origin; without the definition Web Chat lists no source.
        Assert.EndsWith($"\n\n[1]: {PathUrl} \"Iskias\"", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToActivities_AnswerWithoutMarkerPosition_MarkerAtTheEnd()
    {
        var reply = Reply.Answer([new ReplyMessage("**Svar**\n\nTekst.\n")], "iskias#svar", "Svar", 0.9, [], new SourceCitation("Iskias", CitedUrl));

        var activity = Assert.Single(ActivityMapper.ToActivities(reply, Inbound("msteams"))).Activity;

        Assert.Equal("**Svar**\n\nTekst. [1]", activity.Text);
    }

    private const string CitedUrl = "https://klinik.example/artikler/iskias#symptomer";
    private const string SafetyNote = "_Ved akutte symptomer: ring 112._";

    private static Reply CitedAnswer()
    {
        const string Answer = "**Symptomer**\n\nDet gør ondt ned i benet.";
        var message = new ReplyMessage($"{Answer}\n\n[Læs hele afsnittet]({CitedUrl})\n\n{SafetyNote}") { CitationMarkerAt = Answer.Length };
        return Reply.Answer([message], "iskias#symptomer", "Symptomer", 0.9, [], new SourceCitation("Iskias", CitedUrl));
    }

    private static Reply RedFlagReply(UrgentContacts contacts) => Reply.Answer(
        [ReplyMessage.UrgentAdvice(Advice, contacts), new ReplyMessage("**Svar**\n\nTekst.")],
        "iskias#svar", "Svar", 0.9, [], source: null, redFlag: true, redFlags: ["caudaEquina"]);

    private static Activity Inbound(string channelId) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1" },
        Text = "x",
    };

    /// <summary>A composer that relies on the interface's default apology.</summary>
    private sealed class DefaultApologyComposer : IReplyComposer
    {
        public Reply Compose(string message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Reply Welcome() => throw new NotSupportedException();
    }
}
