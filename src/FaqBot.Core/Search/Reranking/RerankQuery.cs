namespace FaqBot.Search.Reranking;

/// <summary>What the signals know of one question while its candidates are re-ranked (a class: it caches per candidate).</summary>
/// <param name="questions">How well the question matches each candidate's answered questions.</param>
/// <param name="asksDefinition">Whether it is a "what is …" question.</param>
/// <param name="namedArticles">The articles whose subjects the question names (<see cref="ArticleSubjects"/>), or null.</param>
internal sealed class RerankQuery(QuestionMatcher questions, bool asksDefinition, IReadOnlySet<int>? namedArticles = null)
{
    private int _matchedPassage = -1;
    private double _match;

    /// <summary>Whether it is a "what is …" question.</summary>
    public bool AsksDefinition { get; } = asksDefinition;

    /// <summary>The articles whose subjects the question names, or null when it names none.</summary>
    public IReadOnlySet<int>? NamedArticles { get; } = namedArticles;

    /// <summary>The question match of <paramref name="passage"/> (<see cref="QuestionMatcher.Best"/>), computed once per candidate.</summary>
    public double QuestionMatch(int passage)
    {
        if (_matchedPassage != passage)
        {
            _match = questions.Best(passage);
            _matchedPassage = passage;
        }

        return _match;
    }
}
