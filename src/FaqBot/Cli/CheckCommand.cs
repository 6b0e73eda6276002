using FaqBot.Answering;
using FaqBot.Content;
using FaqBot.Conversation;
using FaqBot.Hosting;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot check [DIR]</c>: lists every problem in the articles, lexicons, safety rules and conversation texts; exit 1
/// if there is one. A broken learned triage model is a problem; a missing one a warning (the rules alone then decide).
/// </summary>
internal static class CheckCommand
{
    /// <summary>The options <c>check</c> takes.</summary>
    public static readonly string[] Options = ["content"];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        if (args.Positional.Count > 0 && args.Value("content") is not null)
        {
            throw new CliUsageException("check takes the folder either as DIR or as --content DIR, not both");
        }

        var directory = args.Positional.Count > 0 ? args.Positional[0] : args.Value("content") ?? ContentLocation.Default;
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"{directory}: no such folder");
            return 1;
        }

        var engine = FaqBotEngine.Load(directory);
        var knowledge = engine.Knowledge;
        var composer = engine.Composer;
        // The examples beside the rules are run only when the rules loaded: a broken rule is reported once, as itself.
        var ruleSet = composer.RedFlags.RuleSet;
        var screening = composer.Screening.Content.Rules;
        IReadOnlyList<ContentProblem> failingExamples =
        [
            .. ruleSet.Problems.Count == 0 ? ruleSet.FailingExamples() : [],
            .. screening.Problems.Count == 0 ? screening.FailingExamples() : [],
        ];
        var learned = LearnedSecondOpinion.LoadNow(LearnedTriageOption.ModelFolder(directory));
        IReadOnlyList<string> problems =
        [
            .. knowledge.Problems, .. composer.Problems, .. failingExamples.Select(p => p.ToString()),
            .. learned.State == LearnedTriageState.Broken ? [learned.Problem] : Array.Empty<string>(),
        ];
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        var passages = knowledge.Content.Passages.Count;
        var articles = knowledge.Content.Articles.Count;
        if (problems.Count > 0)
        {
            WriteWarnings(ruleSet, learned, output);
            error.WriteLine($"{problems.Count} problem(s); {articles} article(s) with {passages} passage(s) loaded.");
            return 1;
        }

        var alternatives = knowledge.Content.Passages.Sum(p => p.AlternativeQuestions.Count);
        var withoutAlternatives = knowledge.Content.Passages.Count(p => p.AlternativeQuestions.Count == 0);
        if (withoutAlternatives > 0)
        {
            // Not a problem, but the one thing that most helps a passage be found.
            output.WriteLine($"note: {withoutAlternatives} passage(s) have no alternative questions in questions/<article>.yml");
        }

        output.WriteLine($"OK: {articles} article(s), {passages} passage(s), {alternatives} alternative question(s), {knowledge.Lexicon.SynonymGroups.Count} synonym group(s), {knowledge.Lexicon.EnglishToDanish.Count} English entries, {ruleSet.Rules.Count} red-flag rule(s) with {ruleSet.Examples.Count} example(s), {screening.Rules.Count} screening rule(s) with {screening.Examples.Count} example(s){(learned.State == LearnedTriageState.Ready ? $", learned triage model (threshold {learned.Threshold:0.000})" : "")}.");
        if (!ClinicFacts.IsWritten(directory))
        {
            // Not a problem either: until the clinic writes them, such questions get its contact details.
            output.WriteLine($"note: {ClinicFacts.Folder}/{ClinicFacts.FileName} has no practical facts yet (booking, prices, opening hours, address, parking, referral); questions about them get the contact of [contact] in {ConversationContent.Folder}/texts.txt");
        }

        WriteWarnings(ruleSet, learned, output);
        return 0;
    }

    // Tidiness of the rule file: worth an editor's look, but nothing is wrong, so the exit code stays.
    private static void WriteWarnings(RedFlagRuleSet ruleSet, LearnedSecondOpinion learned, TextWriter output)
    {
        if (learned.State == LearnedTriageState.Missing)
        {
            output.WriteLine($"warning: {learned.Problem}");
        }

        foreach (var warning in ruleSet.Warnings)
        {
            output.WriteLine($"{warning.Path}:{warning.Line}: warning: {warning.Message}");
        }
    }
}
