namespace FaqBot.Triage;

/// <summary>One row of a red-flag evaluation file and what the detector made of it.</summary>
public sealed record RedFlagCase(
    string Message, bool ExpectedRedFlag, string Note, IReadOnlyList<string> DetectedKinds, IReadOnlyList<string> FiredRules)
{
    /// <summary>Whether the detector raised a flag.</summary>
    public bool Detected => DetectedKinds.Count > 0;
}
