using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Conversation;
using FaqBot.Screening;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>Renders a channel-neutral <see cref="Reply"/> as the Bot Framework activities that answer an inbound one.</summary>
public static class ActivityMapper
{
    public const string Locale = "da-DK";
    public const string MsTeams = "msteams";

    private static readonly string[] ScreeningAnswers = ["Ja", "Nej"];

    /// <summary>One message activity per bubble of <paramref name="reply"/>, in order, each with the passage it shows.</summary>
    public static IReadOnlyList<OutboundActivity> ToActivities(Reply reply, Activity inbound)
    {
        var isTeams = string.Equals(inbound.ChannelId, MsTeams, StringComparison.OrdinalIgnoreCase);
        var activities = new List<OutboundActivity>(reply.Messages.Count + 1);
        for (var index = 0; index < reply.Messages.Count; index++)
        {
            var isLast = index == reply.Messages.Count - 1;
            var message = reply.Messages[index];
            // The answer itself is the last bubble (urgent advice comes first), so it carries citation, buttons and feedback.
            var source = isLast ? reply.Source : null;
            var text = UrgentCard.WithCallLinks(source is null ? message.Markdown : CitationMarkup.Marked(message, source, isTeams), message.UrgentCalls);
            if (isTeams)
            {
                text = TeamsMarkdown.Normalize(text);
            }

            var activity = NewReply(inbound, text);
            if (message.IsUrgentAdvice)
            {
                // The text stays as the fallback for channels without cards (and for transcripts and tests).
                activity.Attachments = new JsonArray(UrgentCard.Attachment(message.Markdown, message.UrgentCalls, text));
            }

            if (source is not null)
            {
                activity.Entities = [Entity.From(CitationMarkup.Citation(message, source))];
            }

            if (isLast && reply.SuggestedQuestions.Count > 0 && SuggestedActionsAllowed(inbound, isTeams))
            {
                activity.SuggestedActions = new SuggestedActions
                {
                    To = inbound.From?.Id is { } userId ? [userId] : null,
                    Actions = [.. reply.SuggestedQuestions.Select(question => new CardAction { Title = question, Value = question })],
                };
            }

            activity.ChannelData = ChannelData(reply, enableFeedback: isLast && isTeams && reply.Kind == ReplyKind.Answer, urgent: message.IsUrgentAdvice);
            activities.Add(new OutboundActivity(activity, reply.PassageId));
        }

        if (reply.Screening is { } screening)
        {
            activities.Add(new OutboundActivity(ScreeningQuestion(screening, inbound, isTeams), PassageId: null));
        }

        return activities;
    }

    /// <summary>The screening question, after the answer, with "Ja" and "Nej" to tap.</summary>
    private static Activity ScreeningQuestion(ScreeningQuestion screening, Activity inbound, bool isTeams)
    {
        var activity = NewReply(inbound, screening.Question);
        if (SuggestedActionsAllowed(inbound, isTeams))
        {
            activity.SuggestedActions = new SuggestedActions
            {
                To = inbound.From?.Id is { } userId ? [userId] : null,
                Actions = [.. ScreeningAnswers.Select(answer => new CardAction { Title = answer, Value = answer })],
            };
        }

        activity.ChannelData = new JsonObject { ["faqbot"] = new JsonObject { ["kind"] = "screening", ["screening"] = screening.Kind } };
        return activity;
    }

    /// <summary>The <c>typing</c> indicator sent before the replies.</summary>
    public static Activity Typing(Activity inbound) => AddressedReply(inbound, ActivityTypes.Typing);

    private static Activity NewReply(Activity inbound, string text)
    {
        var reply = AddressedReply(inbound, ActivityTypes.Message);
        reply.Locale = Locale;
        reply.TextFormat = "markdown";
        reply.Text = text;
        return reply;
    }

    /// <summary>An activity of <paramref name="type"/> back to whoever sent <paramref name="inbound"/>: from and recipient swapped.</summary>
    private static Activity AddressedReply(Activity inbound, string type) => new()
    {
        Type = type,
        ChannelId = inbound.ChannelId,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = ReplyToId(inbound),
    };

    /// <summary>
    /// The inbound id, except for a Direct Line/Web Chat <c>conversationUpdate</c>: the SDK leaves it out there, because
    /// Web Chat would hold the welcome back waiting for an activity it never shows.
    /// </summary>
    private static string? ReplyToId(Activity inbound) =>
        inbound.Type == ActivityTypes.ConversationUpdate && inbound.ChannelId is "directline" or "webchat" ? null : inbound.Id;

    /// <summary>Teams shows suggested actions only in personal chats.</summary>
    private static bool SuggestedActionsAllowed(Activity inbound, bool isTeams) =>
        !isTeams || inbound.Conversation?.ConversationType is null or "personal";

    private static JsonObject ChannelData(Reply reply, bool enableFeedback, bool urgent)
    {
        var faqbot = new JsonObject
        {
            ["kind"] = JsonNamingPolicy.CamelCase.ConvertName(reply.Kind.ToString()),
            // This bubble is the urgent advice; its card replaces the text where the channel shows cards.
            ["urgent"] = urgent,
            ["redFlag"] = reply.RedFlag,
            ["redFlags"] = new JsonArray([.. reply.RedFlags.Select(flag => (JsonNode?)JsonValue.Create(flag))]),
        };
        if (reply.PassageId is not null)
        {
            faqbot["passageId"] = reply.PassageId;
        }

        if (reply.Title is not null)
        {
            faqbot["title"] = reply.Title;
        }

        if (reply.Score is { } score)
        {
            faqbot["score"] = Math.Round(score, 4);
        }

        var channelData = new JsonObject { ["faqbot"] = faqbot };
        if (enableFeedback)
        {
            // Teams' thumbs up/down; votes come back as the message/submitAction invoke.
            channelData["feedbackLoopEnabled"] = true;
        }

        return channelData;
    }
}
