using FaqBot.Hosting;
using FaqBot.Triage;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot rules [--output FILE]</c>: the red-flag rules in plain words (Markdown) for a clinician's review — per
/// kind its urgency, criteria with concepts named, examples, then each concept's words.
/// </summary>
internal static class RulesCommand
{
    /// <summary>The options <c>rules</c> takes.</summary>
    public static readonly string[] Options = ["content", "output"];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count > 0)
        {
            throw new CliUsageException("rules takes no arguments besides --content DIR and --output FILE");
        }

        var safety = FaqBotEngine.Load(args.Value("content") ?? ContentLocation.Default).Safety;
        if (safety.Rules.Problems.Count > 0)
        {
            foreach (var problem in safety.Rules.Problems)
            {
                error.WriteLine(problem);
            }

            return 1;
        }

        var document = RedFlagRulesDocument.Write(safety.Rules);
        if (args.Value("output") is { } file)
        {
            File.WriteAllText(file, document);
        }
        else
        {
            output.Write(document);
        }

        return 0;
    }
}
