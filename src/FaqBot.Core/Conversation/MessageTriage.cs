using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>What triage decided: the urgent advice to give first (null when none) and the kinds found.</summary>
public sealed record TriageResult(string? Advice, IReadOnlyList<string> Kinds)
{
    public static readonly TriageResult None = new(null, []);

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
        try
        {
            detection = Detector.Detect(message, cancellationToken);
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

        return detection.IsRedFlag ? new TriageResult(UrgentAdvice(detection), detection.Kinds) : TriageResult.None;
    }

    /// <summary>The advice of every kind found, most urgent first, each text once.</summary>
    private string UrgentAdvice(RedFlagDetection detection)
    {
        var texts = detection.Kinds.Select(safety.AdviceFor).OfType<string>().Distinct().ToList();
        return texts.Count > 0 ? string.Join("\n\n", texts) : DanishTexts.UrgentFallback;
    }
}
