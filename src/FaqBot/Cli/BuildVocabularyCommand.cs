using System.Diagnostics;
using FaqBot.Analysis.Vocabulary;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot build-vocabulary AFF DIC OUT</c>: expands a Hunspell dictionary into its word forms
/// (<see cref="HunspellWordForms"/>) and writes them as the FST file <see cref="DanishVocabulary"/> reads. The build
/// runs it once, when the file is missing.
/// </summary>
internal static class BuildVocabularyCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        args.RejectUnknown();
        if (args.Positional.Count != 3)
        {
            throw new CliUsageException("build-vocabulary needs AFF DIC OUT (a Hunspell .aff and .dic, and the file to write)");
        }

        var timer = Stopwatch.StartNew();
        var count = DanishVocabulary.Write(HunspellWordForms.Read(args.Positional[0], args.Positional[1]), args.Positional[2]);
        output.WriteLine($"{count} word forms written to {args.Positional[2]} in {timer.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
