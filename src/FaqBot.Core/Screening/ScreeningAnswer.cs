namespace FaqBot.Screening;

/// <summary>How a patient's message answers a pending screening question.</summary>
public enum ScreeningAnswer
{
    /// <summary>Not a yes or a no: the message is handled as any other, and the question is dropped.</summary>
    Other,
    /// <summary>"Ja", "ja tak", "yes" …</summary>
    Yes,
    /// <summary>"Nej", "nej tak", "no" …</summary>
    No,
}
