namespace FaqBot.Triage;

/// <summary>One word of a rule pattern, matched against one word of the message.</summary>
public abstract record TermPattern
{
    /// <summary>Whether <paramref name="token"/> is this word.</summary>
    public abstract bool Matches(TriageToken token);

    /// <summary>Does now the work a first match would do (compiling typo automata), off the request path.</summary>
    public virtual void Prepare()
    {
    }

    /// <summary>Whether this term stands for a negation ("ikke", "ingen", "not").</summary>
    public virtual bool IsNegation => false;
}
