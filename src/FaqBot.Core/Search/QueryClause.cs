namespace FaqBot.Search;

/// <summary>How a word of the question was matched to index terms.</summary>
public enum ClauseOrigin
{
    /// <summary>Its stem is an index term.</summary>
    Exact,
    /// <summary>Typed without æøå; found through a folded form.</summary>
    Folded,
    /// <summary>Part of a closed compound split into known words.</summary>
    Compound,
    /// <summary>Matched through the synonym lexicon.</summary>
    Lexicon,
    /// <summary>An English word translated through the English lexicon.</summary>
    English,
    /// <summary>A misspelling corrected against the index vocabulary.</summary>
    Typo,
    /// <summary>Nothing in the index, the lexicons or the corrections: a word the articles do not use.</summary>
    Unknown,
}

/// <summary>One way of matching a clause: all of <see cref="Terms"/> (a phrase) or one term, at a weight.</summary>
public sealed record TermAlternative(string[] Terms, double Weight)
{
    /// <summary>
    /// When set, the only passages (ascending positions) this alternative may match: for a word the articles
    /// otherwise do not cover, the passages whose heading names it (<see cref="HeadingTopics"/>).
    /// </summary>
    public int[]? Within { get; init; }

    /// <summary>Whether the alternative may match passage <paramref name="p"/>.</summary>
    public bool Allows(int p) => Within is null || Array.BinarySearch(Within, p) >= 0;
}

/// <summary>
/// One meaningful word (or phrase) of the question, with the index terms that may stand for it. A passage
/// matches the clause by its best alternative; synonyms do not add up.
/// </summary>
/// <param name="Surface">What the patient typed.</param>
/// <param name="Alternatives">Ways to match; empty for an unknown word.</param>
/// <param name="Importance">How much the clause counts relative to others: 1, less for everyday words; the searcher multiplies by its IDF.</param>
/// <param name="Origin">How it was resolved.</param>
public sealed record QueryClause(string Surface, IReadOnlyList<TermAlternative> Alternatives, double Importance, ClauseOrigin Origin);

/// <summary>A question analysed into clauses.</summary>
/// <param name="Clauses">The meaningful words or phrases.</param>
/// <param name="IsEnglish">Whether it was read as English.</param>
/// <param name="AsksDefinition">"Hvad er iskias?": asks what a thing is, which an article's intro answers.</param>
public sealed record ParsedQuery(IReadOnlyList<QueryClause> Clauses, bool IsEnglish, bool AsksDefinition = false);
