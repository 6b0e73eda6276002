using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Screening;
using FaqBot.Search;
using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>
/// Composes the channel-neutral reply to a patient's message. In order: a red flag gets urgent advice first (by
/// kind, most urgent first), followed by the matching passage if there is one; small talk gets its short reply; a
/// question gets the passage (title, excerpt, link, safety note, related questions) or an honest "not covered"
/// with "did you mean" suggestions. The message itself is never logged or stored.
/// </summary>
public sealed partial class ReplyComposer : IReplyComposer
{
    private const int MaxSuggestions = 3;

    private readonly FaqAnswerer _answerer;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly RedFlagDetector _redFlags;
    private readonly IRedFlagSecondOpinion? _secondOpinion;
    private readonly SafetyContent _safety;
    private readonly ConversationContent _conversation;
    private readonly SmallTalkDetector _smallTalk;
    private readonly ScreeningDetector _screening;
    private readonly ReplyOptions _options;

    /// <summary>Composes from already loaded parts; <paramref name="secondOpinion"/> is consulted when the rules find no red flag.</summary>
    public ReplyComposer(
        KnowledgeBase knowledge, SafetyContent safety, ConversationContent conversation, ReplyOptions? options = null,
        IRedFlagSecondOpinion? secondOpinion = null)
    {
        _answerer = knowledge.Answerer;
        _passages = knowledge.Content.Passages;
        _safety = safety;
        _conversation = conversation;
        _redFlags = new RedFlagDetector(safety.Rules);
        _secondOpinion = secondOpinion;
        _smallTalk = new SmallTalkDetector(conversation.SmallTalk, conversation.IgnoredWords);
        _screening = new ScreeningDetector(safety.Screening);
        _options = options ?? new ReplyOptions();
    }

    /// <summary>Every problem in the safety and conversation content, as <c>file:line: message</c>.</summary>
    public IReadOnlyList<string> Problems =>
        [.. _safety.Problems.Select(p => p.ToString()), .. _conversation.Problems.Select(p => p.ToString())];

    /// <summary>
    /// Raised when triage throws and the patient got the generic urgent guidance instead, so the host can log the
    /// fault (never the message). The domain itself has no logger.
    /// </summary>
    public event Action<Exception>? TriageFailed;

    /// <summary>The screening questions the composer asks when a message comes near a red flag.</summary>
    public ScreeningDetector Screening => _screening;

    /// <summary>The red-flag detector the composer uses.</summary>
    public RedFlagDetector RedFlags => _redFlags;

    /// <summary>Builds the composer over <paramref name="knowledge"/> with the safety and conversation content of <paramref name="contentDirectory"/>.</summary>
    public static ReplyComposer Create(KnowledgeBase knowledge, string contentDirectory, ReplyOptions? options = null) =>
        new(knowledge, SafetyContent.Load(contentDirectory), ConversationContent.Load(contentDirectory), options);

    /// <inheritdoc/>
    public Reply Compose(string message, CancellationToken cancellationToken = default)
    {
        // Triage reads the whole message, however long: a red flag at the end of a long story still gets its advice.
        var triage = Triage(message, cancellationToken);
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
            return new Reply(ReplyKind.TooLong, messages, null, null, null, triage.IsRedFlag, triage.Kinds, [], null);
        }

        if (!triage.IsRedFlag && _smallTalk.Detect(message) is { } intent)
        {
            // Greeting and help offer example questions to tap; thanks and goodbye need none.
            return SmallTalk(intent.Reply, intent.Name is "help" or "greeting" ? _conversation.Examples : []);
        }

        var answer = _answerer.Answer(message, cancellationToken);
        if (answer.Best is { } best)
        {
            var passage = best.Passage;
            var url = PassageUrl(passage);
            messages.Add(new ReplyMessage(AnswerMarkdown(passage, url)));
            return new Reply(
                ReplyKind.Answer, messages, passage.Id, passage.Title, Math.Round(best.Confidence, 3),
                triage.IsRedFlag, triage.Kinds, RelatedQuestions(passage),
                new SourceCitation($"{passage.ArticleTitle} – {QuestionText(passage)}", url))
            {
                Screening = triage.IsRedFlag ? null : _screening.Nearest(message, cancellationToken),
            };
        }

        if (triage.IsRedFlag)
        {
            // The urgent advice is the reply; "not covered" after it would only distract.
            return new Reply(ReplyKind.NoMatch, messages, null, null, null, true, triage.Kinds, [], null);
        }

        var suggestions = DidYouMean(answer);
        var text = suggestions.Count == 0 ? _conversation.NoMatch : $"{_conversation.NoMatch}\n\n{_conversation.DidYouMean}";
        return new Reply(ReplyKind.NoMatch, [new ReplyMessage(text)], null, null, null, false, [], suggestions, null)
        {
            Screening = _screening.Nearest(message, cancellationToken),
        };
    }

    /// <inheritdoc/>
    public Reply? AnswerScreening(string kind, string message)
    {
        switch (_screening.Read(message))
        {
            case ScreeningAnswer.Yes:
                // Like a red flag that no passage answers: the urgent advice is the whole reply.
                // The same urgent presentation (warning card, numbers to tap) as advice after a red-flag message.
                var advice = _safety.AdviceFor(kind) ?? DanishTexts.UrgentFallback;
                return new Reply(ReplyKind.NoMatch, [ReplyMessage.UrgentAdvice(advice, _options.Urgent)], null, null, null, true, [kind], [], null);
            case ScreeningAnswer.No:
                var text = _safety.SafetyNote.Length > 0
                    ? $"{_screening.Content.Acknowledgement}\n\n{_safety.SafetyNote}"
                    : _screening.Content.Acknowledgement;
                return new Reply(ReplyKind.SmallTalk, [new ReplyMessage(text)], null, null, null, false, [], [], null);
            default:
                return null;
        }
    }

    /// <inheritdoc/>
    public Reply Welcome() => SmallTalk(_conversation.Welcome, _conversation.Examples);

    /// <inheritdoc/>
    public Reply Unavailable() =>
        new(ReplyKind.Unavailable, [ReplyMessage.UrgentAdvice(DanishTexts.Unavailable, _options.Urgent)], null, null, null, false, [], [], null);

    private static Reply SmallTalk(string text, IReadOnlyList<string> suggestions) =>
        new(ReplyKind.SmallTalk, [new ReplyMessage(text)], null, null, null, false, [], suggestions, null);

    /// <summary>
    /// The urgent advice the message needs, if any: the rules decide first; only when they find nothing may the second
    /// opinion add a red flag of its predicted kind. When triage itself fails (a bug, a broken rule), the message
    /// could not be checked, so it is treated as a red flag of unknown kind: the generic urgent guidance comes first,
    /// never silence. The fault goes to <see cref="TriageFailed"/>.
    /// </summary>
    private TriageOutcome Triage(string message, CancellationToken cancellationToken)
    {
        RedFlagDetection detection;
        string? learnedKind;
        try
        {
            detection = _redFlags.Detect(message, cancellationToken);
            learnedKind = detection.IsRedFlag ? null : _secondOpinion?.Consult(message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TriageFailed?.Invoke(exception);
            return new TriageOutcome(DanishTexts.TriageFailed, []);
        }

        if (learnedKind is not null)
        {
            detection = new RedFlagDetection([learnedKind], []);
        }

        return detection.IsRedFlag ? new TriageOutcome(UrgentAdvice(detection), detection.Kinds) : new TriageOutcome(null, []);
    }

    /// <summary>The advice of every kind found, most urgent first, each text once.</summary>
    private string UrgentAdvice(RedFlagDetection detection)
    {
        var texts = detection.Kinds.Select(_safety.AdviceFor).OfType<string>().Distinct().ToList();
        return texts.Count > 0 ? string.Join("\n\n", texts) : DanishTexts.UrgentFallback;
    }

    private string AnswerMarkdown(Passage passage, string url)
    {
        var builder = new StringBuilder();
        builder.Append("**").Append(passage.Title).Append("**\n\n");
        builder.Append(PassageExcerpt.Trim(passage.Text, _options.MaxAnswerChars));
        builder.Append("\n\n[").Append(_conversation.ReadMore).Append("](").Append(url).Append(')');
        if (_safety.SafetyNote.Length > 0)
        {
            builder.Append("\n\n").Append(_safety.SafetyNote);
        }

        return builder.ToString();
    }

    /// <summary><c>{base}/{articleId}#{slug}</c>; the intro links to the article itself.</summary>
    private string PassageUrl(Passage passage)
    {
        var articleUrl = $"{_options.ArticleBaseUrl.TrimEnd('/')}/{passage.ArticleId}";
        var hash = passage.Id.IndexOf('#', StringComparison.Ordinal);
        return passage.Kind == PassageKind.Intro || hash < 0 ? articleUrl : $"{articleUrl}#{passage.Id[(hash + 1)..]}";
    }

    /// <summary>Other passages of the same article, most similar to this one first, as questions to tap.</summary>
    private IReadOnlyList<string> RelatedQuestions(Passage passage)
    {
        var siblings = _answerer.Searcher.Search(passage.Title, 20)
            .Select(hit => hit.Passage)
            .Concat(SameArticle(passage).Where(p => p.Kind == PassageKind.FaqItem))
            .Concat(SameArticle(passage))
            .Where(p => p.ArticleId == passage.ArticleId && p.Id != passage.Id && p.Kind != PassageKind.Intro);
        return [.. siblings.Select(QuestionText).Distinct().Take(MaxSuggestions)];
    }

    private IEnumerable<Passage> SameArticle(Passage passage) =>
        _passages.Where(p => p.ArticleId == passage.ArticleId);

    private IReadOnlyList<string> DidYouMean(FaqAnswer answer) =>
        [.. answer.Candidates
            .Where(hit => hit.Confidence >= _options.DidYouMeanMinConfidence)
            .Select(hit => QuestionText(hit.Passage))
            .Distinct()
            .Take(MaxSuggestions)];

    /// <summary>A passage title as a patient would tap it: without the article's list numbering ("3. ").</summary>
    private static string QuestionText(Passage passage) => ListNumber().Replace(passage.Title, "");

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex ListNumber();

    /// <summary>What triage decided: the urgent advice to give first (null when none) and the kinds found.</summary>
    private sealed record TriageOutcome(string? Advice, IReadOnlyList<string> Kinds)
    {
        public bool IsRedFlag => Advice is not null;
    }
}
