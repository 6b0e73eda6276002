using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>What triage decided: the urgent advice to give first (null when none) and the kinds found.</summary>
/// <param name="Advice">The urgent advice, or null.</param>
/// <param name="Kinds">The red-flag kinds found, most urgent first.</param>
/// <param name="Message">The message as analysed for triage, for the turn's other readers; null when triage failed.</param>
public sealed record TriageResult(string? Advice, IReadOnlyList<string> Kinds, AnalysedMessage? Message = null)
{
    public bool IsRedFlag => Advice is not null;
}

/// <summary>
/// The composer's first step: the urgent advice a message needs, if any. The rules decide first; only when they find
/// nothing may the second opinion add a red flag of its predicted kind. When triage itself fails (a bug, a broken
/// rule), the message could not be checked, so it is treated as a red flag of unknown kind: the generic urgent
/// guidance comes first, never silence.
/// </summary>
public sealed class MessageTriage(SafetyContent safety, IRedFlagSecondOpinion? secondOpinion)
{
    /// <summary>The red-flag rules' detector.</summary>
    public RedFlagDetector Detector { get; } = new(safety.Rules);

    /// <summary>Raised when triage throws, so the host can log the fault (never the message).</summary>
    public event Action<Exception>? Failed;

    /// <summary>Triage of the whole message, however long: a red flag at the end of a long story still gets its advice.</summary>
    public TriageResult Run(string message, CancellationToken cancellationToken)
    {
        RedFlagDetection detection;
        string? learnedKind;
        AnalysedMessage analysed;
        try
        {
            analysed = Detector.Analyse(message);
            detection = Detector.Detect(analysed, cancellationToken);
            learnedKind = detection.IsRedFlag ? null : secondOpinion?.Consult(message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Failed?.Invoke(exception);
            return new TriageResult(DanishTexts.TriageFailed, []);
        }

        if (learnedKind is not null)
        {
            detection = new RedFlagDetection([learnedKind], []);
        }

        return new TriageResult(detection.IsRedFlag ? UrgentAdvice(detection) : null, detection.Kinds, analysed);
    }

    /// <summary>The advice of every kind found, most urgent first, each text once.</summary>
    private string UrgentAdvice(RedFlagDetection detection)
    {
        var texts = detection.Kinds.Select(safety.AdviceFor).OfType<string>().Distinct().ToList();
        return texts.Count > 0 ? string.Join("\n\n", texts) : DanishTexts.UrgentFallback;
    }
}
