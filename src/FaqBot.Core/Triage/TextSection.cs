namespace FaqBot.Triage;

/// <summary>A <c>[name]</c> block of a sectioned text file and its lines (comments removed, blank lines kept).</summary>
public sealed record TextSection(string Name, int Line, IReadOnlyList<(int Line, string Text)> Lines)
{
    /// <summary>The non-blank lines joined with newlines; a blank line separates paragraphs.</summary>
    public string Body => string.Join('\n', Lines.Select(l => l.Text)).Trim();
}
