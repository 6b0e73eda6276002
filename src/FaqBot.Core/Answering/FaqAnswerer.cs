using FaqBot.Search;

namespace FaqBot.Answering;

/// <summary>
/// Answers a question with the best passage when its normalised confidence clears the threshold, and honestly
/// declines otherwise.
/// </summary>
public sealed class FaqAnswerer(PassageSearcher searcher)
{
    private const int CandidateCount = 5;

    /// <summary>The searcher behind the answers.</summary>
    public PassageSearcher Searcher { get; } = searcher;

    /// <summary>Looks <paramref name="question"/> up.</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time.</exception>
    public FaqAnswer Answer(string question, CancellationToken cancellationToken = default) =>
        Answer(Searcher.Parser.Parse(question, cancellationToken), cancellationToken);

    /// <summary>Looks up a question already parsed (and perhaps widened, as a follow-up by the previous turn's words).</summary>
    /// <exception cref="OperationCanceledException">The turn ran out of time.</exception>
    public FaqAnswer Answer(ParsedQuery query, CancellationToken cancellationToken = default)
    {
        var hits = Searcher.Search(query, CandidateCount, cancellationToken);
        var best = hits.Count > 0 && hits[0].Confidence >= Searcher.Ranking.AnswerThreshold ? hits[0] : null;
        return new FaqAnswer(best, hits);
    }
}
