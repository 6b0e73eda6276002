using System.Globalization;
using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Evaluation;
using FaqBot.Hosting;
using FaqBot.Search;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot eval FILE.tsv</c>: scores the answerer on a QA file. <c>--min X</c> fails (exit 1) when overall
/// accuracy is below X; <c>--without a,b</c> switches features off to measure them; <c>--sweep</c> shows
/// accuracy across thresholds; <c>--misses</c> lists every wrong row; <c>--rows</c> every row's rank and confidence.
/// </summary>
internal static class EvalCommand
{
    /// <summary>What <c>--without</c> can switch off.</summary>
    public static readonly string[] Features = ["folding", "typos", "compounds", "synonyms", "english", "derivational", "vocabulary", "headings", "subjects", "questions"];

    /// <summary>What <c>--with</c> can switch on (off by default).</summary>
    public static readonly string[] OptInFeatures = ["vocabulary-typos"];

    /// <summary>The ranking parameters <c>--set name=value</c> knows.</summary>
    public static readonly string[] Parameters = [.. RankingOptions.ParameterNames];

    /// <summary>The options <c>eval</c> takes.</summary>
    public static readonly string[] Options = ["min", "content", "without", "with", "threshold", "sweep", "misses", "set", "rows"];

    public static int Run(CliArguments args, TextWriter output)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("eval needs one QA file (question<TAB>expected<TAB>style)");
        }

        var without = (args.Value("without") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = without.FirstOrDefault(f => !Features.Contains(f) && f != "all");
        if (unknown is not null)
        {
            throw new CliUsageException($"--without knows {string.Join(", ", Features)} and all; not '{unknown}'");
        }

        var with = (args.Value("with") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (with.FirstOrDefault(f => !OptInFeatures.Contains(f)) is { } unknownOptIn)
        {
            throw new CliUsageException($"--with knows {string.Join(", ", OptInFeatures)}; not '{unknownOptIn}'");
        }

        var analysis = AnalysisWithout(without) with { RealWordsNotCorrected = with.Contains("vocabulary-typos") };
        var ranking = new RankingOptions();
        if (without.Contains("questions") || without.Contains("all"))
        {
            ranking = ranking with { AlternativeQuestions = false };
        }

        if (without.Contains("subjects") || without.Contains("all"))
        {
            ranking = ranking with { SubjectAgreement = false };
        }

        foreach (var setting in (args.Value("set") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            ranking = WithSetting(ranking, setting);
        }

        if (args.Value("threshold") is { } threshold)
        {
            ranking = ranking with { AnswerThreshold = ParseNumber(threshold, "--threshold") };
        }

        var cases = QaFile.Read(args.Positional[0]);
        var knowledge = FaqBotEngine.Load(args.Value("content") ?? ContentLocation.Default, new EngineOptions { Analysis = analysis, Ranking = ranking }).Knowledge;
        var passageIds = knowledge.Content.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (cases.SelectMany(c => c.Expected.Select(id => (c.Line, Id: id))).FirstOrDefault(e => !passageIds.Contains(e.Id)) is { Id: not null } unknownId)
        {
            throw new CliUsageException($"{args.Positional[0]}:{unknownId.Line}: '{unknownId.Id}' is not a passage id (separate several ids with commas)");
        }

        var report = QaEvaluator.Evaluate(knowledge.Answerer, cases);
        Print(report, args.Positional[0], ranking.AnswerThreshold, output);

        if (args.Has("sweep"))
        {
            PrintSweep(report, output);
        }

        if (args.Has("misses"))
        {
            PrintMisses(report, output);
        }

        if (args.Has("rows"))
        {
            foreach (var o in report.Outcomes)
            {
                output.WriteLine($"    {o.Case.Line,3} {(o.Case.ExpectsNone ? "NONE" : "in"),-4} rank {o.Rank} confidence {o.TopConfidence:0.000} title {o.Top?.TitleMatch:0.000} {o.Case.Style}");
            }
        }

        if (args.Value("min") is { } min && report.Overall < ParseNumber(min, "--min"))
        {
            output.WriteLine($"FAIL: overall {report.Overall:0.000} < {min}");
            return 1;
        }

        return 0;
    }

    private static AnalysisOptions AnalysisWithout(string[] without) =>
        without.Contains("all")
            ? AnalysisOptions.LuceneEquivalent
            : new AnalysisOptions
            {
                AccentFolding = !without.Contains("folding"),
                TypoTolerance = !without.Contains("typos"),
                CompoundSplitting = !without.Contains("compounds"),
                Synonyms = !without.Contains("synonyms"),
                English = !without.Contains("english"),
                DerivationalStemming = !without.Contains("derivational"),
                RealWords = !without.Contains("vocabulary"),
                HeadingTopics = !without.Contains("headings"),
            };

    private static void Print(QaReport report, string file, double threshold, TextWriter output)
    {
        var inScope = report.Outcomes.Count(o => !o.Case.ExpectsNone);
        output.WriteLine($"{Path.GetFileName(file)}: {report.Outcomes.Count} questions ({inScope} in scope, {report.Outcomes.Count - inScope} NONE), threshold {threshold:0.00}");
        output.WriteLine($"  in-scope top-1 (answered)   {report.InScopeTop1:0.000}");
        output.WriteLine($"  in-scope top-1 (ranked)     {report.InScopeRankedTop1:0.000}");
        output.WriteLine($"  in-scope MRR@5              {report.Mrr5:0.000}");
        output.WriteLine($"  NONE declined               {report.NoneDeclined:0.000}");
        output.WriteLine($"  overall                     {report.Overall:0.000}");
        output.WriteLine("  per style:");
        foreach (var (style, count, accuracy) in report.ByStyle)
        {
            output.WriteLine($"    {style,-12} {count,3}  {accuracy:0.000}");
        }
    }

    /// <summary>Overall accuracy if the threshold were elsewhere: the top-ranked passage and its confidence decide.</summary>
    private static void PrintSweep(QaReport report, TextWriter output)
    {
        output.WriteLine("  threshold sweep (in-scope answered / NONE declined / overall):");
        for (var t = 0.20; t <= 0.90001; t += 0.05)
        {
            var inScope = report.Outcomes.Where(o => !o.Case.ExpectsNone).ToList();
            var none = report.Outcomes.Where(o => o.Case.ExpectsNone).ToList();
            var answered = inScope.Count(o => o.Rank == 1 && o.TopConfidence >= t);
            var declined = none.Count(o => (o.TopConfidence ?? 0) < t);
            output.WriteLine($"    {t:0.00}  {(double)answered / inScope.Count:0.000}  {(double)declined / none.Count:0.000}  {(double)(answered + declined) / report.Outcomes.Count:0.000}");
        }
    }

    private static void PrintMisses(QaReport report, TextWriter output)
    {
        output.WriteLine("  misses:");
        foreach (var miss in report.Outcomes.Where(o => !o.Correct))
        {
            var expected = miss.Case.ExpectsNone ? "NONE" : string.Join(" | ", miss.Case.Expected);
            output.WriteLine($"    line {miss.Case.Line} [{miss.Case.Style}] {miss.Case.Question}");
            output.WriteLine($"      expected {expected}; answered {miss.AnsweredId ?? "NONE"}; top {miss.TopId ?? "-"} ({miss.TopConfidence:0.000}), expected at rank {miss.Rank}");
        }
    }

    /// <summary>Applies "name=value" to one of the ranking <see cref="Parameters"/>.</summary>
    private static RankingOptions WithSetting(RankingOptions ranking, string setting)
    {
        var parts = setting.Split('=', 2);
        var value = parts.Length == 2 ? ParseNumber(parts[1], "--set") : throw new CliUsageException("--set takes name=value pairs");
        return Parameters.Contains(parts[0]) ? ranking.With(parts[0], value) : throw new CliUsageException($"--set does not know '{parts[0]}'");
    }

    private static double ParseNumber(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"{option} needs a number such as 0.88, not '{text}'");
}
