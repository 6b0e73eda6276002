using FaqBot.Answering;
using FaqBot.Screening;
using FaqBot.Telemetry;
using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>
/// Composes the channel-neutral reply to a patient's message as a short pipeline: triage (urgent advice first, by
/// kind, most urgent first) → small talk (its short reply) → answer (the best passage, a follow-up read in the light of
/// the previous answer) → format (the passage as an
/// answer with its related questions, or an honest "not covered" with "did you mean"). The message itself is never
/// logged or stored.
/// </summary>
public sealed class ReplyComposer : IReplyComposer
{
    private readonly MessageTriage _triage;
    private readonly SmallTalkDetector _smallTalk;
    private readonly FollowUpAnswerer _answerer;
    private readonly AnswerFormatter _formatter;
    private readonly SafetyContent _safety;
    private readonly ConversationContent _conversation;
    private readonly ReplyOptions _options;

    /// <summary>The pipeline over already loaded parts; <paramref name="secondOpinion"/> is consulted when the rules find no red flag.</summary>
    public ReplyComposer(
        KnowledgeBase knowledge, SafetyContent safety, ConversationContent conversation, ReplyOptions? options = null,
        IRedFlagSecondOpinion? secondOpinion = null)
    {
        _options = options ?? new ReplyOptions();
        _safety = safety;
        _conversation = conversation;
        _triage = new MessageTriage(safety, secondOpinion);
        _smallTalk = new SmallTalkDetector(conversation.SmallTalk, conversation.IgnoredWords);
        _answerer = new FollowUpAnswerer(knowledge);
        _formatter = new AnswerFormatter(knowledge, safety, conversation, _options);
        Screening = new ScreeningDetector(safety.Screening);
    }

    /// <summary>Every problem in the safety and conversation content, as <c>file:line: message</c>.</summary>
    public IReadOnlyList<string> Problems =>
        [.. _safety.Problems.Select(p => p.ToString()), .. _conversation.Problems.Select(p => p.ToString())];

    /// <summary>
    /// Raised when triage throws and the patient got the generic urgent guidance instead, so the host can log the
    /// fault (never the message). The domain itself has no logger.
    /// </summary>
    public event Action<Exception>? TriageFailed
    {
        add => _triage.Failed += value;
        remove => _triage.Failed -= value;
    }

    /// <summary>The screening questions the composer asks when a message comes near a red flag.</summary>
    public ScreeningDetector Screening { get; }

    /// <summary>The red-flag detector the composer uses.</summary>
    public RedFlagDetector RedFlags => _triage.Detector;

    /// <summary>
    /// Does now what the first messages would otherwise pay for (the rule, screening and small-talk words' typo
    /// automata): for the host to run off the request path.
    /// </summary>
    public void Prepare()
    {
        _triage.Detector.RuleSet.Prepare();
        Screening.Prepare();
        _smallTalk.Prepare();
    }

    /// <inheritdoc/>
    public Reply Compose(string message, CancellationToken cancellationToken = default) => Compose(message, previous: null, cancellationToken);

    /// <inheritdoc/>
    public Reply Compose(string message, ConversationTopic? previous, CancellationToken cancellationToken = default)
    {
        using var stage = ReplyTelemetry.Stage(ReplyStage.Compose);
        return stage.Done(ComposeReply(message, previous, cancellationToken));
    }

    private Reply ComposeReply(string message, ConversationTopic? previous, CancellationToken cancellationToken)
    {
        TriageResult triage;
        using (ReplyTelemetry.Stage(ReplyStage.Triage))
        {
            triage = _triage.Run(message, cancellationToken);
        }

        // Analysed once: small talk and the screening question read triage's tokens (read again only when triage failed).
        AnalysedMessage Analysed() => triage.Message ?? _triage.Detector.Analyse(message);
        var messages = new List<ReplyMessage>();
        if (triage.Advice is { } advice)
        {
            messages.Add(ReplyMessage.UrgentAdvice(advice, _options.Urgent));
        }

        // Search and small talk read only a question-sized message: patients' questions are short, and a longer
        // text would only cost time. The patient is asked for a shorter question instead.
        if (message.Length > _options.MaxQuestionChars)
        {
            messages.Add(new ReplyMessage(_conversation.TooLong));
            return Reply.TooLong(messages, triage.IsRedFlag, triage.Kinds);
        }

        if (!triage.IsRedFlag && _smallTalk.Detect(Analysed().Tokens) is { } intent)
        {
            // Greeting and help offer example questions to tap; thanks and goodbye need none.
            return Reply.SmallTalk(intent.Reply, intent.Name is "help" or "greeting" ? _conversation.Examples : []);
        }

        FaqAnswer answer;
        using (ReplyTelemetry.Stage(ReplyStage.Search))
        {
            // Red flags were read from the message alone, above; only the search borrows the previous answer's words,
            // and not for a red flag: that message is about something new and urgent, not the last answer.
            answer = _answerer.Answer(message, triage.IsRedFlag ? null : previous, cancellationToken);
        }

        if (answer.Best is { } best)
        {
            return _formatter.Answer(messages, best, triage) with
            {
                Screening = triage.IsRedFlag ? null : Screening.Nearest(Analysed(), cancellationToken),
            };
        }

        // A red flag no passage answers: the urgent advice is the reply; "not covered" after it would only distract.
        return triage.IsRedFlag
            ? Reply.UrgentAdviceOnly(messages, triage.Kinds)
            : _formatter.NoMatch(answer) with { Screening = Screening.Nearest(Analysed(), cancellationToken) };
    }

    /// <inheritdoc/>
    public Reply? AnswerScreening(string kind, string message)
    {
        switch (Screening.Read(message))
        {
            case ScreeningAnswer.Yes:
                // Like a red flag that no passage answers: the same urgent presentation (warning card, numbers to
                // tap) as advice after a red-flag message.
                var advice = _safety.AdviceFor(kind) ?? DanishTexts.UrgentFallback;
                return Reply.UrgentAdviceOnly([ReplyMessage.UrgentAdvice(advice, _options.Urgent)], [kind]);
            case ScreeningAnswer.No:
                var text = _safety.SafetyNote.Length > 0
                    ? $"{Screening.Content.Acknowledgement}\n\n{_safety.SafetyNote}"
                    : Screening.Content.Acknowledgement;
                return Reply.SmallTalk(text, []);
            default:
                return null;
        }
    }

    /// <inheritdoc/>
    public Reply Welcome() => Reply.SmallTalk(_conversation.Welcome, _conversation.Examples);

    /// <inheritdoc/>
    public Reply Unavailable() => Reply.Unavailable(ReplyMessage.UrgentAdvice(DanishTexts.Unavailable, _options.Urgent));
}
