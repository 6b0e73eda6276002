using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Search;

namespace FaqBot.Conversation;

/// <summary>
/// Reads a message in the light of the previous answer: "og hvad med øvelser?" after an answer about frozen shoulder
/// asks about exercises for frozen shoulder. The message is searched alone first; when that finds no answer in the
/// previous answer's article, it is searched again with that passage's heading and article title added at a lower
/// weight, and that answer is taken if it comes from the same article. A message that names another topic keeps
/// its own reading: its own words outweigh the borrowed ones, an answer elsewhere is never forced into the topic, and
/// a message with a word no article covers (a price, another body part) is never widened.
/// </summary>
public sealed class FollowUpAnswerer(KnowledgeBase knowledge)
{
    /// <summary>How much a word borrowed from the previous answer counts against one the patient wrote.</summary>
    public const double BorrowedWeight = 0.5;

    private readonly Dictionary<string, Passage> _passages = knowledge.Content.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);

    /// <summary>The answer to <paramref name="message"/>, read as a follow-up to <paramref name="previous"/> when there is one.</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time.</exception>
    public FaqAnswer Answer(string message, ConversationTopic? previous, CancellationToken cancellationToken = default)
    {
        var parser = knowledge.Searcher.Parser;
        var own = parser.Parse(message, cancellationToken);
        var alone = knowledge.Answerer.Answer(own, cancellationToken);
        // A topic whose passage is gone (the content was reloaded without it) is simply forgotten.
        if (previous is null || !_passages.TryGetValue(previous.PassageId, out var topic) || alone.Best?.Passage.ArticleId == topic.ArticleId)
        {
            return alone;
        }

        if (own.Clauses.Any(IsUncovered))
        {
            // "Hvad koster en behandling hos jer?" asks about what no article covers; the previous topic does not change that.
            return alone;
        }

        var widened = own with { Clauses = [.. own.Clauses, .. Borrowed(own, parser.Parse(TopicWords(topic), cancellationToken))] };
        var followUp = knowledge.Answerer.Answer(widened, cancellationToken);
        return followUp.Best?.Passage.ArticleId == topic.ArticleId ? followUp : alone;
    }

    /// <summary>
    /// A word the parser cannot match and weighs above an ordinary word: a topic the articles do not cover (a price,
    /// another body part). A question phrase no article words the same way ("hvor længe") weighs as an ordinary word
    /// and does not stop the widening: the previous topic may well answer it.
    /// </summary>
    private static bool IsUncovered(QueryClause clause) =>
        clause.Origin == ClauseOrigin.Unknown && clause.Alternatives.Count == 0 && clause.Importance > 1;

    /// <summary>The heading a patient saw on the previous answer, and its article's title.</summary>
    private static string TopicWords(Passage topic) =>
        topic.Kind == PassageKind.Intro ? topic.ArticleShownTitle : $"{topic.Title} {topic.ArticleShownTitle}";

    /// <summary>The topic's words the message does not have itself, each counting <see cref="BorrowedWeight"/> as much.</summary>
    private static IEnumerable<QueryClause> Borrowed(ParsedQuery own, ParsedQuery topic)
    {
        var seen = own.Clauses.Select(clause => clause.Surface).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return topic.Clauses
            .Where(clause => clause.Origin != ClauseOrigin.Unknown && seen.Add(clause.Surface))
            .Select(clause => clause with { Importance = clause.Importance * BorrowedWeight });
    }
}
