using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Turns;
using FaqBot.Conversation;
using FaqBot.Screening;

namespace FaqBot.Tests.Channels;

/// <summary>Reply → activities: the passage each bubble shows travels beside it, never read back out of channelData.</summary>
public sealed class ActivityMapperTests
{
    [Fact]
    public void ToActivities_AnswerWithScreeningQuestion_PassageBesideEveryBubbleButTheQuestion()
    {
        var reply = Reply.Answer(
            [ReplyMessage.UrgentAdvice("**Ring 112 nu.**", UrgentContacts.Default), new ReplyMessage("**Svar**\n\nTekst.")],
            "iskias#svar", "Svar", 0.9, [], source: null, redFlag: true, redFlags: ["caudaEquina"])
            with
        { Screening = new ScreeningQuestion("caudaEquina", "Kan du mærke, når du skal tisse?") };

        var activities = ActivityMapper.ToActivities(reply, Inbound());

        Assert.Equal(["iskias#svar", "iskias#svar", null], activities.Select(outbound => outbound.PassageId));
        Assert.Equal("Kan du mærke, når du skal tisse?", activities[^1].Activity.Text);
    }

    [Fact]
    public void ToActivities_SmallTalk_NoPassage()
    {
        var activities = ActivityMapper.ToActivities(Reply.SmallTalk("Hej!", []), Inbound());

        Assert.Null(Assert.Single(activities).PassageId);
    }

    private static Activity Inbound() => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "c1", ConversationType = "personal" },
        Text = "x",
    };
}
