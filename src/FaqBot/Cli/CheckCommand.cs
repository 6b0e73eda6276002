using FaqBot.Answering;

namespace FaqBot.Cli;

/// <summary><c>faqbot check [DIR]</c>: lists every problem in the articles and lexicons; exit 1 if there is one.</summary>
internal static class CheckCommand
{
    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown();
        var directory = args.Positional.Count > 0 ? args.Positional[0] : ContentLocation.Default;
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"{directory}: no such folder");
            return 1;
        }

        var knowledge = KnowledgeBase.Load(directory);
        foreach (var problem in knowledge.Problems)
        {
            output.WriteLine(problem);
        }

        var passages = knowledge.Content.Passages.Count;
        var articles = knowledge.Content.Articles.Count;
        if (knowledge.Problems.Count > 0)
        {
            error.WriteLine($"{knowledge.Problems.Count} problem(s); {articles} article(s) with {passages} passage(s) loaded.");
            return 1;
        }

        output.WriteLine($"OK: {articles} article(s), {passages} passage(s), {knowledge.Lexicon.SynonymGroups.Count} synonym group(s), {knowledge.Lexicon.EnglishToDanish.Count} English entries.");
        return 0;
    }
}
