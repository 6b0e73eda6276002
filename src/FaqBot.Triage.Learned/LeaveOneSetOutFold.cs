namespace FaqBot.Triage.Learned;

/// <summary>One fold of <see cref="LeaveOneSetOutEvaluation"/>: the held-out sets and how each detector scored on them.</summary>
/// <param name="RedFlagSet">The held-out red-flag set.</param>
/// <param name="QuestionSet">The held-out QA set, if any.</param>
/// <param name="Threshold">The classifier's threshold, chosen on the training sets only.</param>
/// <param name="RulesOnly">The rules on the held-out red-flag set.</param>
/// <param name="WithClassifier">Rules OR classifier at <paramref name="Threshold"/> on the held-out red-flag set.</param>
/// <param name="QuestionAlarms">Held-out QA questions the classifier would flag.</param>
/// <param name="Questions">Held-out QA questions.</param>
public sealed record LeaveOneSetOutFold(
    string RedFlagSet,
    string? QuestionSet,
    double Threshold,
    DetectionScore RulesOnly,
    DetectionScore WithClassifier,
    int QuestionAlarms,
    int Questions);
