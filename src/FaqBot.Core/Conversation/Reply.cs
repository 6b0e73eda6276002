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

    /// <summary>
    /// Where in <see cref="Markdown"/> the cited answer text ends, before the "read more" link and the safety note: a
    /// channel puts its citation marker there. Null: at the end.
    /// </summary>
    public int? CitationMarkerAt { get; init; }

    /// <summary>Whether this bubble is urgent advice (see <see cref="UrgentCalls"/>).</summary>
    public bool IsUrgentAdvice => UrgentCalls.Count > 0;

    /// <summary>An urgent-advice bubble with the numbers of <paramref name="contacts"/> to tap.</summary>
    public static ReplyMessage UrgentAdvice(string markdown, UrgentContacts contacts) =>
        new(contacts.Fill(markdown)) { UrgentCalls = contacts.Calls };
}

/// <summary>The article section a reply is drawn from, for a citation and a "read more" link.</summary>
/// <param name="Title">The article's own title (never its search-engine <c>metaTitle</c> pitch).</param>
/// <param name="Url">The section in the published article.</param>
public sealed record SourceCitation(string Title, string Url);

/// <summary>
/// The channel-neutral reply to one patient message, built by the factory method of its kind. Channels (Bot Framework,
/// Direct Line, the CLI) only render it.
/// </summary>
public sealed record Reply
{
    private Reply(ReplyKind kind, IReadOnlyList<ReplyMessage> messages, bool redFlag, IReadOnlyList<string> redFlags)
    {
        Kind = kind;
        Messages = messages;
        RedFlag = redFlag;
        RedFlags = redFlags;
    }

    /// <summary>Answer, no match, small talk, too long or unavailable.</summary>
    public ReplyKind Kind { get; }

    /// <summary>The bubbles in order; when <see cref="RedFlag"/> is set the first one is the urgent advice.</summary>
    public IReadOnlyList<ReplyMessage> Messages { get; }

    /// <summary>The passage answered with, if any.</summary>
    public string? PassageId { get; private init; }

    /// <summary>That passage's title, if any.</summary>
    public string? Title { get; private init; }

    /// <summary>Normalised match score in [0, 1], if a passage was matched.</summary>
    public double? Score { get; private init; }

    /// <summary>
    /// Whether the message describes a red-flag symptom, or could not be checked for one (triage failed; then
    /// <see cref="RedFlags"/> is empty and the first bubble is the generic urgent guidance).
    /// </summary>
    public bool RedFlag { get; }

    /// <summary>The kinds of red flag detected (e.g. <c>caudaEquina</c>).</summary>
    public IReadOnlyList<string> RedFlags { get; }

    /// <summary>Questions to tap next: related questions, or "did you mean" for a near miss.</summary>
    public IReadOnlyList<string> SuggestedQuestions { get; private init; } = [];

    /// <summary>Where the answer comes from, if it is an answer.</summary>
    public SourceCitation? Source { get; private init; }

    /// <summary>
    /// A yes/no question about the red flag the message came near without meeting it, asked after the answer; null
    /// when there is none. The channel decides whether to ask it (never twice in a conversation).
    /// </summary>
    public ScreeningQuestion? Screening { get; init; }

    /// <summary>A passage answers the message; <paramref name="messages"/> end with the answer, after any urgent advice.</summary>
    public static Reply Answer(
        IReadOnlyList<ReplyMessage> messages,
        string passageId,
        string title,
        double score,
        IReadOnlyList<string> relatedQuestions,
        SourceCitation? source,
        bool redFlag = false,
        IReadOnlyList<string>? redFlags = null) =>
        new(ReplyKind.Answer, messages, redFlag, redFlags ?? [])
        {
            PassageId = passageId,
            Title = title,
            Score = score,
            SuggestedQuestions = relatedQuestions,
            Source = source,
        };

    /// <summary>No article covers the message: the honest answer, with "did you mean" questions when there are near misses.</summary>
    public static Reply NoMatch(string markdown, IReadOnlyList<string> didYouMean) =>
        new(ReplyKind.NoMatch, [new ReplyMessage(markdown)], redFlag: false, []) { SuggestedQuestions = didYouMean };

    /// <summary>A red flag no passage answers: the urgent advice is the whole reply.</summary>
    public static Reply UrgentAdviceOnly(IReadOnlyList<ReplyMessage> messages, IReadOnlyList<string> redFlags) =>
        new(ReplyKind.NoMatch, messages, redFlag: true, redFlags);

    /// <summary>Greeting, thanks, goodbye, help, the welcome, or a calm acknowledgement.</summary>
    public static Reply SmallTalk(string markdown, IReadOnlyList<string> suggestedQuestions) =>
        new(ReplyKind.SmallTalk, [new ReplyMessage(markdown)], redFlag: false, []) { SuggestedQuestions = suggestedQuestions };

    /// <summary>Too long to search: any urgent advice, then the request for a shorter question.</summary>
    public static Reply TooLong(IReadOnlyList<ReplyMessage> messages, bool redFlag, IReadOnlyList<string> redFlags) =>
        new(ReplyKind.TooLong, messages, redFlag, redFlags);

    /// <summary>Composing failed: the apology with urgent guidance.</summary>
    public static Reply Unavailable(ReplyMessage apology) =>
        new(ReplyKind.Unavailable, [apology], redFlag: false, []);
}

/// <summary>Produces the bot's replies. One implementation serves every channel.</summary>
public interface IReplyComposer
{
    /// <summary>The reply to a patient's message.</summary>
    /// <param name="message">The patient's message, of any length.</param>
    /// <param name="cancellationToken">The turn's time budget; the work stops when it runs out.</param>
    /// <exception cref="OperationCanceledException">The budget ran out: the caller sends <see cref="Unavailable"/>.</exception>
    Reply Compose(string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The reply to a message that may follow up <paramref name="previous"/>, the topic of the conversation's last
    /// answer ("og hvad med øvelser?"). Triage still reads the message alone.
    /// </summary>
    Reply Compose(string message, ConversationTopic? previous, CancellationToken cancellationToken = default) =>
        Compose(message, cancellationToken);

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
    Reply Unavailable() => Reply.Unavailable(ReplyMessage.UrgentAdvice(DanishTexts.Unavailable, UrgentContacts.Default));
}
