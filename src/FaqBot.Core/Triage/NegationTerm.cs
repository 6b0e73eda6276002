namespace FaqBot.Triage;

/// <summary>Any negation cue: a rule writes "ikke" and also means "ingen", "ik", "not", "can't".</summary>
public sealed record NegationTerm : TermPattern
{
    /// <inheritdoc/>
    public override bool Matches(TriageToken token) => token.IsNegationCue;

    /// <inheritdoc/>
    public override bool IsNegation => true;
}
