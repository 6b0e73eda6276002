namespace FaqBot.Content;

/// <summary>Something wrong with a content file, precise enough for an editor to fix it.</summary>
/// <param name="Path">The file (or directory) concerned.</param>
/// <param name="Line">1-based line in the file; 0 when the problem concerns the file as a whole (e.g. it cannot be read).</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    /// <summary>Compiler-style <c>path:line: message</c>.</summary>
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
