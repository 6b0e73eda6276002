namespace FaqBot.Triage.Learned;

/// <summary>
/// Chooses the classifier's threshold from training sets alone: an inner cross-validation that keeps each set whole
/// (sets dealt round-robin into <see cref="Groups"/> groups, fewer when there are fewer red-flag sets) gives every training message an out-of-fold probability;
/// the threshold is the one that finds the most red flags with rules OR classifier while the classifier adds false
/// alarms (flags the rules do not raise) to at most <see cref="MaxAddedFalseAlarmRate"/> of the red-flag sets' ordinary
/// messages and to at most <see cref="MaxQuestionAlarmRate"/> of the QA questions. Ties go to the higher threshold;
/// when none qualifies, or no inner model could be trained, the classifier never flags (threshold above 1).
/// </summary>
/// <remarks>
/// 2 % added on ordinary messages that mention symptoms, 1 % on ordinary questions (most of what patients send): a
/// second opinion that finds a few more red flags is worth a few more calls to the doctor, not an alarm per few questions.
/// </remarks>
public sealed record ThresholdChoice(int Groups = 3, double MaxAddedFalseAlarmRate = 0.02, double MaxQuestionAlarmRate = 0.01)
{
    /// <summary>The threshold that means "never flag".</summary>
    public const double Never = 1.01;

    /// <summary>The threshold for a classifier trained on <paramref name="sets"/>.</summary>
    /// <param name="sets">The training sets.</param>
    /// <param name="rulesFlag">Whether the rules flag each message.</param>
    public double Choose(IReadOnlyList<LabelledSet> sets, IReadOnlyDictionary<string, bool> rulesFlag)
    {
        var redFlagSets = sets.Where(s => !s.IsQuestionSet).ToList();
        var questionSets = sets.Where(s => s.IsQuestionSet).ToList();
        // Fewer red-flag sets than groups: one set a group, so no group is left without red flags to score.
        var groups = Math.Max(1, Math.Min(Groups, redFlagSets.Count));
        var groupOf = new Dictionary<LabelledSet, int>();
        for (var i = 0; i < redFlagSets.Count; i++)
        {
            groupOf[redFlagSets[i]] = i % groups;
        }

        for (var i = 0; i < questionSets.Count; i++)
        {
            groupOf[questionSets[i]] = i % groups;
        }

        var scored = new List<(LabelledMessage Message, bool IsQuestion, float Probability)>();
        for (var g = 0; g < groups; g++)
        {
            var training = sets.Where(s => groupOf[s] != g).SelectMany(s => s.Messages).ToList();
            if (!training.Any(m => m.IsRedFlag) || training.All(m => m.IsRedFlag))
            {
                // A model needs both classes; this group's messages stay unscored.
                continue;
            }

            var inner = RedFlagClassifier.Train(training);
            foreach (var set in sets.Where(s => groupOf[s] == g))
            {
                var probabilities = inner.ScoreAll(set.Messages.Select(m => m.Text));
                scored.AddRange(set.Messages.Select((m, i) => (m, set.IsQuestionSet, probabilities[i])));
            }
        }

        return Best(scored, rulesFlag);
    }

    /// <summary>The threshold the rule above picks from out-of-fold probabilities.</summary>
    public double Best(
        IReadOnlyList<(LabelledMessage Message, bool IsQuestion, float Probability)> scored, IReadOnlyDictionary<string, bool> rulesFlag)
    {
        var positives = scored.Where(s => !s.IsQuestion && s.Message.IsRedFlag).ToList();
        var negatives = scored.Where(s => !s.IsQuestion && !s.Message.IsRedFlag).ToList();
        var questions = scored.Where(s => s.IsQuestion).ToList();

        var best = Never;
        var bestRecall = -1.0;
        // From the top down, so a tie keeps the higher threshold.
        for (var step = 39; step >= 1; step--)
        {
            var threshold = step * 0.025;
            var addedAlarms = negatives.Count(s => !rulesFlag[s.Message.Text] && s.Probability >= threshold);
            var questionAlarms = questions.Count(s => !rulesFlag[s.Message.Text] && s.Probability >= threshold);
            if (addedAlarms > MaxAddedFalseAlarmRate * negatives.Count || questionAlarms > MaxQuestionAlarmRate * questions.Count)
            {
                continue;
            }

            var recall = positives.Count(s => rulesFlag[s.Message.Text] || s.Probability >= threshold) / (double)Math.Max(1, positives.Count);
            if (recall > bestRecall)
            {
                bestRecall = recall;
                best = threshold;
            }
        }

        return best;
    }
}
