using FaqBot.Screening;

namespace FaqBot.Conversation;

/// <summary>What kind of reply the bot gives; serialised camelCase (<c>answer</c>, <c>noMatch</c>, <c>smallTalk</c>).</summary>
public enum ReplyKind
{
    /// <summary>A passage of the clinic's articles answers the message.</summary>
    Answer,
    /// <summary>No article covers the message; the bot says so honestly.</summary>
    NoMatch,
    /// <summary>Greeting, thanks, goodbye, "who are you", "help".</summary>
    SmallTalk,
    /// <summary>Composing failed; an apology with urgent guidance (see <see cref="IReplyComposer.Unavailable"/>).</summary>
    Unavailable,
    /// <summary>The message was too long to search; the patient is asked for a shorter question (after any urgent advice).</summary>
    TooLong,
}

/// <summary>One chat bubble, Markdown that Teams and Web Chat both render.</summary>
public sealed record ReplyMessage(string Markdown)
{
    /// <summary>
    /// The numbers to offer as tap-to-call buttons when this bubble is the urgent advice (red flag, failed triage or the
    /// "unavailable" apology); empty for every other bubble. Channels show an urgent bubble as a distinct warning.
    /// </summary>
    public IReadOnlyList<PhoneCall> UrgentCalls { get; init; } = [];

    /// <summary>Whether this bubble is urgent advice (see <see cref="UrgentCalls"/>).</summary>
    public bool IsUrgentAdvice => UrgentCalls.Count > 0;

    /// <summary>An urgent-advice bubble with the numbers of <paramref name="contacts"/> to tap.</summary>
    public static ReplyMessage UrgentAdvice(string markdown, UrgentContacts contacts) =>
        new(contacts.Fill(markdown)) { UrgentCalls = contacts.Calls };
}

/// <summary>The article section a reply is drawn from, for a citation and a "read more" link.</summary>
public sealed record SourceCitation(string Title, string Url);

/// <summary>
/// The channel-neutral reply to one patient message. Channels (Bot Framework, Direct Line, the CLI) only render it.
/// </summary>
/// <param name="Kind">Answer, no match, small talk, too long or unavailable.</param>
/// <param name="Messages">The bubbles in order; when <paramref name="RedFlag"/> is set the first one is the urgent advice.</param>
/// <param name="PassageId">The passage answered with, if any.</param>
/// <param name="Title">That passage's title, if any.</param>
/// <param name="Score">Normalised match score in [0, 1], if a passage was matched.</param>
/// <param name="RedFlag">
/// Whether the message describes a red-flag symptom, or could not be checked for one (triage failed; then
/// <paramref name="RedFlags"/> is empty and the first bubble is the generic urgent guidance).
/// </param>
/// <param name="RedFlags">The kinds of red flag detected (e.g. <c>caudaEquina</c>).</param>
/// <param name="SuggestedQuestions">Questions to tap next: related questions, or "did you mean" for a near miss.</param>
/// <param name="Source">Where the answer comes from, if it is an answer.</param>
public sealed record Reply(
    ReplyKind Kind,
    IReadOnlyList<ReplyMessage> Messages,
    string? PassageId,
    string? Title,
    double? Score,
    bool RedFlag,
    IReadOnlyList<string> RedFlags,
    IReadOnlyList<string> SuggestedQuestions,
    SourceCitation? Source)
{
    /// <summary>
    /// A yes/no question about the red flag the message came near without meeting it, asked after the answer; null
    /// when there is none. The channel decides whether to ask it (never twice in a conversation).
    /// </summary>
    public ScreeningQuestion? Screening { get; init; }
}

/// <summary>Produces the bot's replies. One implementation serves every channel.</summary>
public interface IReplyComposer
{
    /// <summary>The reply to a patient's message.</summary>
    /// <param name="message">The patient's message, of any length.</param>
    /// <param name="cancellationToken">The turn's time budget; the work stops when it runs out.</param>
    /// <exception cref="OperationCanceledException">The budget ran out: the caller sends <see cref="Unavailable"/>.</exception>
    Reply Compose(string message, CancellationToken cancellationToken = default);

    /// <summary>The welcome shown when a patient opens the chat or installs the bot.</summary>
    Reply Welcome();

    /// <summary>
    /// The reply to <paramref name="message"/> as the answer to the pending screening question about
    /// <paramref name="kind"/>: a yes gets the urgent advice of the kind, a no a calm acknowledgement and the safety
    /// note. Null when the message is neither; it is then composed as any other message.
    /// </summary>
    Reply? AnswerScreening(string kind, string message) => null;

    /// <summary>
    /// The reply when <see cref="Compose"/> failed: an apology, and what to do if it is urgent, since the message
    /// could not be checked for red flags.
    /// </summary>
    Reply Unavailable() =>
        new(ReplyKind.Unavailable, [ReplyMessage.UrgentAdvice(DanishTexts.Unavailable, UrgentContacts.Default)], null, null, null, false, [], [], null);
}
