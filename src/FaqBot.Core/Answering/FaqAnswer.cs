using FaqBot.Search;

namespace FaqBot.Answering;

/// <summary>The outcome of looking a question up in the articles.</summary>
/// <param name="Best">The passage given as the answer, or null when no passage answers the question.</param>
/// <param name="Candidates">The ranked passages considered, best first (near misses when <see cref="Best"/> is null).</param>
public sealed record FaqAnswer(SearchHit? Best, IReadOnlyList<SearchHit> Candidates)
{
    /// <summary>Whether a passage answers the question.</summary>
    public bool IsMatch => Best is not null;
}
