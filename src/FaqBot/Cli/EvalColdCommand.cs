using System.Globalization;
using FaqBot.Evaluation;
using FaqBot.Hosting;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot eval-cold FILE.tsv…</c>: for each article, the in-scope questions about it from every file, answered
/// top-1 with the article's alternative questions and without them (the others keep theirs), and the mean.
/// </summary>
internal static class EvalColdCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("eval-cold needs one or more QA files (question<TAB>expected ids or NONE<TAB>style)");
        }

        // Loaded as every command loads the content, then rebuilt per article without its questions.
        var knowledge = FaqBotEngine.Load(args.Value("content") ?? ContentLocation.Default).Knowledge;
        List<QaCase> cases = [.. args.Positional.SelectMany(QaFile.Read)];
        var results = ColdArticleEvaluator.Evaluate(knowledge.Content, knowledge.Lexicon, cases);
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.ArticleId,-40} {r.Cases,4} questions  with its questions {r.WarmTop1:0.000}  cold {r.ColdTop1:0.000}"));
        }

        if (results.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  mean over {results.Count} articles: with their questions {results.Average(r => r.WarmTop1):0.000}, cold {results.Average(r => r.ColdTop1):0.000}"));
        }

        return 0;
    }
}
