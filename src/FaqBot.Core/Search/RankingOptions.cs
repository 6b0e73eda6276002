namespace FaqBot.Search;

/// <summary>Field-weighted BM25 (BM25F) parameters and the switches of FaqBot's ranking additions.</summary>
public sealed record RankingOptions
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 { get; init; } = 1.5;

    /// <summary>Weight of the passage title (section heading or FAQ question).</summary>
    public double TitleWeight { get; init; } = 3.0;

    /// <summary>Weight of an intro's title, which is the article's title.</summary>
    public double IntroTitleWeight { get; init; } = 1.0;

    /// <summary>Whether the editor's alternative questions are searched (off only to measure what they add).</summary>
    public bool AlternativeQuestions { get; init; } = true;

    /// <summary>Weight of the editor's alternative questions, all of a passage's together as one field.</summary>
    public double AlternativeQuestionsWeight { get; init; } = 2.0;

    /// <summary>Length normalisation of the alternative questions field.</summary>
    public double AlternativeQuestionsB { get; init; } = 0.5;

    /// <summary>Weight of the passage body.</summary>
    public double BodyWeight { get; init; } = 1.0;

    /// <summary>Weight of the article's title, shared by all its passages.</summary>
    public double ArticleTitleWeight { get; init; } = 0.3;

    /// <summary>Length normalisation of the title field.</summary>
    public double TitleB { get; init; } = 0.3;

    /// <summary>Length normalisation of the body field.</summary>
    public double BodyB { get; init; } = 0.75;

    /// <summary>
    /// How strongly the share of the question's words a passage covers scales its score (Lucene's old "coord",
    /// weighted by IDF). Off (0) by default: it helped before the re-ranker matched whole questions, and since then
    /// it lowers or leaves accuracy on all five QA sets. The share itself still is the confidence.
    /// </summary>
    public double CoverageExponent { get; init; }

    /// <summary>
    /// How much a passage gains when the patient's question matches one the passage answers (its heading or FAQ
    /// question, or an alternative question): the score is multiplied by 1 + this × the match in [0, 1]
    /// (<see cref="QuestionMatcher"/>).
    /// </summary>
    public double TitleMatchBonus { get; init; } = 3.0;

    /// <summary>How much an article's intro gains for a "what is …" question (the score is multiplied by 1 + this).</summary>
    public double DefinitionIntroBonus { get; init; } = 1.0;

    /// <summary>IDF is raised to this power in the score (not in the confidence): below 1, a rare but incidental word dominates less.</summary>
    public double IdfExponent { get; init; } = 0.5;

    /// <summary>The normalised score at or above which the best passage is given as the answer.</summary>
    public double AnswerThreshold { get; init; } = 0.30;
}
