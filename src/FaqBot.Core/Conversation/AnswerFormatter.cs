using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Search;
using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>
/// The composer's last step: a found passage as the answer a patient reads (title, excerpt, link, safety note, related
/// questions, citation), or a near miss as "did you mean" questions.
/// </summary>
public sealed partial class AnswerFormatter(KnowledgeBase knowledge, SafetyContent safety, ConversationContent conversation, ReplyOptions options)
{
    private const int MaxSuggestions = 3;

    /// <summary>
    /// What an answer shows of a passage depends on the passage only (text, link, related questions, citation), so each
    /// passage's is made once: the excerpt's sentence search and the related questions' search are not per reply.
    /// </summary>
    private readonly ConcurrentDictionary<string, PassageAnswer> _answers = new(StringComparer.Ordinal);

    /// <summary>How to reach the clinic, filled once: the settings and the text do not change while this formatter serves.</summary>
    private readonly string _contact = options.Clinic.Fill(conversation.Contact);

    /// <summary>The answer to append after any urgent advice, with the reply's red-flag findings.</summary>
    public Reply Answer(List<ReplyMessage> messages, SearchHit best, TriageResult triage)
    {
        var passage = best.Passage;
        var shown = _answers.GetOrAdd(passage.Id, _ => Show(passage));
        messages.Add(new ReplyMessage(shown.Markdown) { CitationMarkerAt = shown.MarkerAt });
        return Reply.Answer(
            messages, passage.Id, passage.Title, Math.Round(best.Confidence, 3), shown.Related, shown.Citation,
            triage.IsRedFlag, triage.Kinds);
    }

    private PassageAnswer Show(Passage passage)
    {
        var url = PassageUrl(passage);
        var (markdown, markerAt) = AnswerMarkdown(passage, url);
        return new PassageAnswer(markdown, markerAt, RelatedQuestions(passage), new SourceCitation(passage.ArticleShownTitle, url));
    }

    /// <summary>The honest "not covered" and how to reach the clinic, with the near misses as questions to tap.</summary>
    public Reply NoMatch(FaqAnswer answer)
    {
        IReadOnlyList<string> suggestions = [.. answer.Candidates
            .Where(hit => hit.Confidence >= options.DidYouMeanMinConfidence)
            .Select(hit => QuestionText(hit.Passage))
            .Distinct()
            .Take(MaxSuggestions)];
        var text = _contact.Length == 0 ? conversation.NoMatch : $"{conversation.NoMatch}\n\n{_contact}";
        text = suggestions.Count == 0 ? text : $"{text}\n\n{conversation.DidYouMean}";
        return Reply.NoMatch(text, suggestions);
    }

    /// <summary>Heading, excerpt, link and safety note; the citation marker belongs at the end of the excerpt.</summary>
    private (string Markdown, int MarkerAt) AnswerMarkdown(Passage passage, string url)
    {
        var builder = new StringBuilder();
        // An intro's heading is the article's title: the one patients see, not the search-engine pitch.
        var heading = passage.Kind == PassageKind.Intro ? passage.ArticleShownTitle : passage.Title;
        builder.Append("**").Append(heading).Append("**\n\n");
        builder.Append(PassageExcerpt.Trim(passage.Text, options.MaxAnswerChars).TrimEnd());
        var markerAt = builder.Length;
        builder.Append("\n\n[").Append(conversation.ReadMore).Append("](").Append(url).Append(')');
        if (safety.SafetyNote.Length > 0)
        {
            builder.Append("\n\n").Append(safety.SafetyNote);
        }

        return (builder.ToString(), markerAt);
    }

    /// <summary><c>{base}/{articleId}#{slug}</c>; the intro links to the article itself.</summary>
    private string PassageUrl(Passage passage)
    {
        var articleUrl = $"{options.ArticleBaseUrl.TrimEnd('/')}/{passage.ArticleId}";
        var hash = passage.Id.IndexOf('#', StringComparison.Ordinal);
        return passage.Kind == PassageKind.Intro || hash < 0 ? articleUrl : $"{articleUrl}#{passage.Id[(hash + 1)..]}";
    }

    /// <summary>Other passages of the same article, most similar to this one first, as questions to tap.</summary>
    private IReadOnlyList<string> RelatedQuestions(Passage passage)
    {
        var sameArticle = knowledge.Content.Passages.Where(p => p.ArticleId == passage.ArticleId).ToList();
        var siblings = knowledge.Searcher.Search(passage.Title, 20)
            .Select(hit => hit.Passage)
            .Concat(sameArticle.Where(p => p.Kind == PassageKind.FaqItem))
            .Concat(sameArticle)
            .Where(p => p.ArticleId == passage.ArticleId && p.Id != passage.Id && p.Kind != PassageKind.Intro);
        return [.. siblings.Select(QuestionText).Distinct().Take(MaxSuggestions)];
    }

    /// <summary>A passage title as a patient would tap it: without the article's list numbering ("3. ").</summary>
    private static string QuestionText(Passage passage) => ListNumber().Replace(passage.Title, "");

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex ListNumber();

    /// <summary>What an answer with a passage shows, the same in every reply.</summary>
    private sealed record PassageAnswer(string Markdown, int MarkerAt, IReadOnlyList<string> Related, SourceCitation Citation);
}
