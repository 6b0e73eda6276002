namespace FaqBot.Search.Reranking;

/// <summary>What the signals know of one question while its candidates are re-ranked.</summary>
/// <param name="Questions">How well the question matches each candidate's answered questions.</param>
/// <param name="AsksDefinition">Whether it is a "what is …" question.</param>
internal sealed record RerankQuery(QuestionMatcher Questions, bool AsksDefinition)
{
    private int _matchedPassage = -1;
    private double _match;

    /// <summary>The question match of <paramref name="passage"/> (<see cref="QuestionMatcher.Best"/>), computed once per candidate.</summary>
    public double QuestionMatch(int passage)
    {
        if (_matchedPassage != passage)
        {
            _match = Questions.Best(passage);
            _matchedPassage = passage;
        }

        return _match;
    }
}
