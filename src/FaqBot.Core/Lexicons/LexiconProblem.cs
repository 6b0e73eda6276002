namespace FaqBot.Lexicons;

/// <summary>A line of a lexicon file that could not be read.</summary>
public sealed record LexiconProblem(string Path, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
