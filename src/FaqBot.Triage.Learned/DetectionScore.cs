namespace FaqBot.Triage.Learned;

/// <summary>How a detector did on one set: red flags found, ordinary messages flagged.</summary>
public sealed record DetectionScore(int Positives, int Detected, int Negatives, int FalseAlarms)
{
    /// <summary>Share of red flags found (1 when there are none).</summary>
    public double Recall => Positives == 0 ? 1 : Detected / (double)Positives;

    /// <summary>Share of ordinary messages flagged (0 when there are none).</summary>
    public double FalseAlarmRate => Negatives == 0 ? 0 : FalseAlarms / (double)Negatives;
}
