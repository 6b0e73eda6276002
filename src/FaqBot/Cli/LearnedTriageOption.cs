using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Cli;

/// <summary>
/// <c>--learned on|off</c> for the commands that triage: whether the learned second opinion is consulted (default:
/// <see cref="LearnedSecondOpinion.OnByDefault"/>, like the server). Loaded at once: a command has no patient waiting.
/// </summary>
internal static class LearnedTriageOption
{
    public const string Name = "learned";

    /// <summary>The second opinion for the content in <paramref name="contentDirectory"/>; a missing or broken model is warned about on <paramref name="error"/>.</summary>
    public static LearnedSecondOpinion Load(CliArguments args, string contentDirectory, TextWriter error)
    {
        var enabled = args.Value(Name) switch
        {
            null => LearnedSecondOpinion.OnByDefault,
            "on" => true,
            "off" => false,
            var other => throw new CliUsageException($"--{Name} takes on or off, not '{other}'"),
        };
        if (!enabled)
        {
            return LearnedSecondOpinion.Off();
        }

        var opinion = LearnedSecondOpinion.LoadNow(ModelFolder(contentDirectory));
        if (opinion.State is not LearnedTriageState.Ready)
        {
            error.WriteLine($"warning: {opinion.Problem}");
        }

        return opinion;
    }

    /// <summary>Where the model of the content in <paramref name="contentDirectory"/> lives.</summary>
    public static string ModelFolder(string contentDirectory) =>
        Path.Combine(contentDirectory, SafetyContent.Folder, LearnedTriageModel.Folder);
}
