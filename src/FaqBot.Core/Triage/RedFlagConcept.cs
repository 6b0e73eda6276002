namespace FaqBot.Triage;

/// <summary>
/// A named word class of <c>red-flags.txt</c> (<c>@saddleArea = skridt* | lyske* | groin | …</c>), written once and
/// referred to by every rule that needs it; expanded into the rule's pattern when the file is read.
/// </summary>
/// <param name="Name">The name without <c>@</c>, camelCase (e.g. <c>saddleArea</c>).</param>
/// <param name="Definition">The definition as written (alternatives, or elements joined by <c>+</c>).</param>
/// <param name="Elements">The expanded elements: one for a word class, several for <c>a + b</c>.</param>
/// <param name="Source">Where it is defined, <c>path:line</c>.</param>
public sealed record RedFlagConcept(
    string Name,
    string Definition,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<TermPattern>>> Elements,
    string Source)
{
    /// <summary>The name in plain words: <c>saddleArea</c> → "saddle area".</summary>
    public string PlainName => PlainWords.FromCamelCase(Name);
}
