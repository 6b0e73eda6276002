namespace FaqBot.Triage;

/// <summary>
/// An <c>example:</c> or <c>not:</c> line under a kind of <c>red-flags.txt</c>: a message that must, or must not, be
/// flagged with that kind. <c>faqbot check</c> and the tests run every one.
/// </summary>
/// <param name="Kind">The kind the line stands under.</param>
/// <param name="Message">The message.</param>
/// <param name="MustFlag">True for <c>example:</c>, false for <c>not:</c>.</param>
/// <param name="Path">The rule file.</param>
/// <param name="Line">The line in it.</param>
public sealed record RedFlagExample(string Kind, string Message, bool MustFlag, string Path, int Line)
{
    /// <summary>Whether <paramref name="detector"/> treats the message as the line says.</summary>
    public bool Holds(RedFlagDetector detector) => detector.Detect(Message).Kinds.Contains(Kind) == MustFlag;
}
