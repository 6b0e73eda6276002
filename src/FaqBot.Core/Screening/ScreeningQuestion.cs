namespace FaqBot.Screening;

/// <summary>A calm yes/no question about the red flag a message came near, asked after the answer.</summary>
/// <param name="Kind">The red-flag kind the question is about (e.g. <c>caudaEquina</c>).</param>
/// <param name="Question">The question, in Danish.</param>
public sealed record ScreeningQuestion(string Kind, string Question);
