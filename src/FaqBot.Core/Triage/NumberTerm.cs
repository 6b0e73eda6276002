namespace FaqBot.Triage;

/// <summary>A whole number in a range, <c>38..43</c>: a temperature such as "38,5" gives the word "38".</summary>
public sealed record NumberTerm(int Minimum, int Maximum) : TermPattern
{
    /// <inheritdoc/>
    public override bool Matches(TriageToken token) =>
        token.Surface.Length <= 4 && int.TryParse(token.Surface, out var value) && value >= Minimum && value <= Maximum;
}
