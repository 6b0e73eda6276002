using FaqBot.Triage;

namespace FaqBot.Triage.Learned;

/// <summary>
/// Leave-one-set-out over the labelled sets: fold k holds out red-flag set k (and QA set k modulo the number of QA
/// sets), trains the classifier on every other set, chooses its threshold inside the training sets only
/// (<see cref="ThresholdChoice"/>), and scores the held-out sets with the rules alone and with rules OR classifier.
/// </summary>
public static class LeaveOneSetOutEvaluation
{
    /// <summary>Runs every fold; <paramref name="progress"/> hears each fold's name as it starts.</summary>
    public static IReadOnlyList<LeaveOneSetOutFold> Run(
        IReadOnlyList<LabelledSet> sets, RedFlagDetector rules, ThresholdChoice choice, Action<string>? progress = null)
    {
        var redFlagSets = sets.Where(s => !s.IsQuestionSet).ToList();
        var questionSets = sets.Where(s => s.IsQuestionSet).ToList();
        var rulesFlag = sets.SelectMany(s => s.Messages).Select(m => m.Text).Distinct()
            .ToDictionary(text => text, text => rules.Detect(text).IsRedFlag);

        var folds = new List<LeaveOneSetOutFold>();
        for (var k = 0; k < redFlagSets.Count; k++)
        {
            var heldOut = redFlagSets[k];
            var heldOutQuestions = questionSets.Count == 0 ? null : questionSets[k % questionSets.Count];
            progress?.Invoke(heldOut.Name);
            var training = sets.Where(s => s != heldOut && s != heldOutQuestions).ToList();
            var threshold = choice.Choose(training, rulesFlag);
            var classifier = RedFlagClassifier.Train(training.SelectMany(s => s.Messages));

            var scores = classifier.ScoreAll(heldOut.Messages.Select(m => m.Text));
            var rulesOnly = Score(heldOut.Messages, m => rulesFlag[m.Text]);
            var combined = Score(heldOut.Messages, (m, i) => rulesFlag[m.Text] || scores[i] >= threshold);

            var questionAlarms = 0;
            var questionCount = 0;
            if (heldOutQuestions is not null)
            {
                var questionScores = classifier.ScoreAll(heldOutQuestions.Messages.Select(m => m.Text));
                questionCount = questionScores.Count;
                questionAlarms = questionScores.Count(s => s >= threshold);
            }

            folds.Add(new LeaveOneSetOutFold(
                heldOut.Name, heldOutQuestions?.Name, threshold, rulesOnly, combined, questionAlarms, questionCount));
        }

        return folds;
    }

    private static DetectionScore Score(IReadOnlyList<LabelledMessage> messages, Func<LabelledMessage, bool> flagged) =>
        Score(messages, (m, _) => flagged(m));

    private static DetectionScore Score(IReadOnlyList<LabelledMessage> messages, Func<LabelledMessage, int, bool> flagged)
    {
        int positives = 0, detected = 0, negatives = 0, alarms = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var isFlagged = flagged(messages[i], i);
            if (messages[i].IsRedFlag)
            {
                positives++;
                detected += isFlagged ? 1 : 0;
            }
            else
            {
                negatives++;
                alarms += isFlagged ? 1 : 0;
            }
        }

        return new DetectionScore(positives, detected, negatives, alarms);
    }
}
