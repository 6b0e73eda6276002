namespace FaqBot.Search;

/// <summary>
/// Field-weighted BM25 (BM25F) parameters, the re-ranking signals' parameters and the switches of FaqBot's ranking
/// additions. A parameter marked <see cref="RankingParameterAttribute"/> can be set by its name
/// (<see cref="With"/>; <c>eval --set name=value</c>).
/// </summary>
public sealed record RankingOptions
{
    /// <summary>The names of the parameters <see cref="With"/> sets, in declaration order.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = [.. Parameters().Select(p => p.Name)];

    /// <summary>These options with the parameter named <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No parameter has that name.</exception>
    public RankingOptions With(string name, double value)
    {
        var property = Parameters().FirstOrDefault(p => p.Name == name).Property
            ?? throw new ArgumentException($"no ranking parameter is named '{name}'", nameof(name));
        var changed = this with { };
        property.SetValue(changed, value);
        return changed;
    }

    private static IEnumerable<(string Name, System.Reflection.PropertyInfo Property)> Parameters() =>
        typeof(RankingOptions).GetProperties()
            .Select(p => (Attribute: p.GetCustomAttributes(typeof(RankingParameterAttribute), false).OfType<RankingParameterAttribute>().FirstOrDefault(), Property: p))
            .Where(p => p.Attribute is not null)
            .Select(p => (p.Attribute!.Name, p.Property));

    /// <summary>BM25 term-frequency saturation.</summary>
    [RankingParameter("k1")]
    public double K1 { get; init; } = 1.5;

    /// <summary>Weight of the passage title (section heading or FAQ question).</summary>
    [RankingParameter("titleWeight")]
    public double TitleWeight { get; init; } = 3.0;

    /// <summary>Weight of an intro's title, which is the article's title.</summary>
    [RankingParameter("introTitleWeight")]
    public double IntroTitleWeight { get; init; } = 1.0;

    /// <summary>Whether the editor's alternative questions are searched (off only to measure what they add).</summary>
    public bool AlternativeQuestions { get; init; } = true;

    /// <summary>Weight of the editor's alternative questions, all of a passage's together as one field.</summary>
    [RankingParameter("questionsWeight")]
    public double AlternativeQuestionsWeight { get; init; } = 2.0;

    /// <summary>Length normalisation of the alternative questions field.</summary>
    [RankingParameter("questionsB")]
    public double AlternativeQuestionsB { get; init; } = 0.5;

    /// <summary>Weight of the passage body.</summary>
    [RankingParameter("bodyWeight")]
    public double BodyWeight { get; init; } = 1.0;

    /// <summary>Weight of the article's title, shared by all its passages.</summary>
    [RankingParameter("articleWeight")]
    public double ArticleTitleWeight { get; init; } = 0.3;

    /// <summary>Length normalisation of the title field.</summary>
    [RankingParameter("titleB")]
    public double TitleB { get; init; } = 0.3;

    /// <summary>Length normalisation of the body field.</summary>
    [RankingParameter("bodyB")]
    public double BodyB { get; init; } = 0.75;

    /// <summary>
    /// How strongly the share of the question's words a passage covers scales its score (Lucene's old "coord",
    /// weighted by IDF). Off (0) by default: it helped before the re-ranker matched whole questions, and since then
    /// it lowers or leaves accuracy on all five QA sets. The share itself still is the confidence.
    /// </summary>
    [RankingParameter("coverage")]
    public double CoverageExponent { get; init; }

    /// <summary>
    /// How much a passage gains when the patient's question matches one the passage answers (its heading or FAQ
    /// question, or an alternative question): the score is multiplied by 1 + this × the match in [0, 1]
    /// (<see cref="QuestionMatcher"/>).
    /// </summary>
    [RankingParameter("titleBonus")]
    public double TitleMatchBonus { get; init; } = 3.0;

    /// <summary>How much an article's intro gains for a "what is …" question (the score is multiplied by 1 + this).</summary>
    [RankingParameter("definitionBonus")]
    public double DefinitionIntroBonus { get; init; } = 1.0;

    /// <summary>IDF is raised to this power in the score (not in the confidence): below 1, a rare but incidental word dominates less.</summary>
    [RankingParameter("idfExponent")]
    public double IdfExponent { get; init; } = 0.5;

    /// <summary>
    /// An article's subject is a word in at least this share of its sections' titles ("iskias", "frossen skulder")
    /// (<see cref="ArticleSubjects"/>).
    /// </summary>
    [RankingParameter("subjectShare")]
    public double SubjectShare { get; init; } = 0.35;

    /// <summary>… and at least this share of all the titles that have the word are that article's: it names this article, not many.</summary>
    [RankingParameter("subjectConcentration")]
    public double SubjectConcentration { get; init; } = 0.9;

    /// <summary>
    /// A passage from an article other than those whose subjects the question names ("Hvor længe varer iskias?"
    /// and a passage about tennis elbow): score and confidence × this.
    /// </summary>
    [RankingParameter("subjectMismatch")]
    public double SubjectMismatchFactor { get; init; } = 0.3;

    /// <summary>
    /// Whether articles' subjects are used: <see cref="Reranking.SubjectAgreementSignal"/> runs and a subject's two
    /// words are read as one name (<c>eval --without subjects</c> leaves both out).
    /// </summary>
    public bool SubjectAgreement { get; init; } = true;

    /// <summary>The normalised score at or above which the best passage is given as the answer.</summary>
    public double AnswerThreshold { get; init; } = 0.30;
}
