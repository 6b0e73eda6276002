using FaqBot.Content;

namespace FaqBot.Triage;

/// <summary>The safety content (red-flag rules, urgent advice, safety note) could not be loaded whole; the message names each file and line.</summary>
public sealed class SafetyContentUnavailableException(IReadOnlyList<ContentProblem> problems)
    : Exception("The safety content cannot be used:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    /// <summary>What is wrong, file by file.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;
}
