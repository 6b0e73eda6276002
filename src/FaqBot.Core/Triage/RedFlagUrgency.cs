namespace FaqBot.Triage;

/// <summary>How fast a patient with a red flag must get help; the advice text is chosen by kind.</summary>
public enum RedFlagUrgency
{
    /// <summary>Call 112 now (e.g. cauda equina).</summary>
    Emergency,
    /// <summary>Contact own GP or the out-of-hours service today.</summary>
    Today,
}
