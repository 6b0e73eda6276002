using FaqBot.Answering;
using FaqBot.Search;

namespace FaqBot.Evaluation;

/// <summary>Scores an answerer on QA cases.</summary>
public static class QaEvaluator
{
    private const int MrrDepth = 5;

    /// <summary>Answers every case and tallies the results.</summary>
    public static QaReport Evaluate(FaqAnswerer answerer, IReadOnlyList<QaCase> cases)
    {
        var outcomes = cases.Select(c => Judge(c, answerer.Answer(c.Question))).ToList();
        return new QaReport(outcomes);
    }

    private static QaOutcome Judge(QaCase qaCase, FaqAnswer answer)
    {
        var ranked = answer.Candidates.Select(h => h.Passage.Id).ToList();
        var rank = ranked.Take(MrrDepth).ToList().FindIndex(qaCase.Expected.Contains) + 1;
        var answeredId = answer.Best?.Passage.Id;
        var correct = qaCase.ExpectsNone ? answeredId is null : answeredId is not null && qaCase.Expected.Contains(answeredId);
        return new QaOutcome(qaCase, answeredId, ranked.FirstOrDefault(), answer.Candidates.FirstOrDefault(), rank, correct);
    }
}

/// <summary>How the answerer did on one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="AnsweredId">The passage answered with, null if it declined.</param>
/// <param name="TopId">The best-ranked passage, answered or not.</param>
/// <param name="Top">That passage's hit, with its confidence.</param>
/// <param name="Rank">1-based rank of the first expected passage within the top 5; 0 if absent.</param>
/// <param name="Correct">Right answer, or rightly declined.</param>
public sealed record QaOutcome(QaCase Case, string? AnsweredId, string? TopId, SearchHit? Top, int Rank, bool Correct)
{
    /// <summary>The best-ranked passage's confidence, if any passage was found.</summary>
    public double? TopConfidence => Top?.Confidence;
}

/// <summary>Accuracy figures over a set of outcomes.</summary>
public sealed class QaReport(IReadOnlyList<QaOutcome> outcomes)
{
    /// <summary>Every outcome, in file order.</summary>
    public IReadOnlyList<QaOutcome> Outcomes { get; } = outcomes;

    private IEnumerable<QaOutcome> InScope => Outcomes.Where(o => !o.Case.ExpectsNone);

    private IEnumerable<QaOutcome> None => Outcomes.Where(o => o.Case.ExpectsNone);

    /// <summary>In-scope questions answered with an expected passage (declining counts as wrong).</summary>
    public double InScopeTop1 => Share(InScope, o => o.Correct);

    /// <summary>In-scope questions whose best-ranked passage is expected, whatever the threshold.</summary>
    public double InScopeRankedTop1 => Share(InScope, o => o.Rank == 1);

    /// <summary>Mean reciprocal rank of the first expected passage within the top 5, in scope.</summary>
    public double Mrr5 => InScope.Any() ? InScope.Average(o => o.Rank == 0 ? 0 : 1.0 / o.Rank) : 0;

    /// <summary>NONE questions the bot declined.</summary>
    public double NoneDeclined => Share(None, o => o.Correct);

    /// <summary>All questions right: in scope answered correctly, NONE declined.</summary>
    public double Overall => Share(Outcomes, o => o.Correct);

    /// <summary>Overall accuracy per style, in order of first appearance.</summary>
    public IReadOnlyList<(string Style, int Count, double Accuracy)> ByStyle =>
        [.. Outcomes.GroupBy(o => o.Case.Style).Select(g => (g.Key, g.Count(), Share(g, o => o.Correct)))];

    private static double Share(IEnumerable<QaOutcome> outcomes, Func<QaOutcome, bool> predicate)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(predicate) / list.Count;
    }
}
