using FaqBot.Triage;

namespace FaqBot.Cli;

/// <summary>Dispatches <c>faqbot &lt;command&gt;</c>; no command (or only options such as <c>--urls</c>) runs the server.</summary>
internal static class CliApp
{
    /// <summary>The options the server itself reads (every other <c>--name</c> is ASP.NET Core configuration).</summary>
    public static readonly string[] ServerOptions = ["urls", "content"];

    public static readonly string Usage = $"""
        Usage: faqbot [command] [options]
          ask "question" [--explain]  the reply as a patient reads it; --explain first shows how it was analysed and ranked
          ask --jsonl                 one question per stdin line -> one JSON object per stdout line
                                      (ask and eval-redflags: --learned on|off consults the learned second opinion)
          eval FILE.tsv [--min X] [--misses] [--rows] [--sweep] [--threshold T]
                        [--without {string.Join(',', EvalCommand.Features)}|all] [--with {string.Join(',', EvalCommand.OptInFeatures)}]
                        [--set {string.Join("=X,", EvalCommand.Parameters)}=X]
                                      score a QA file (question<TAB>expected ids or NONE<TAB>style)
          eval-cold FILE.tsv…         per article, its in-scope questions answered top-1 with and without its alternative questions
          eval-followups FILE.tsv [--min X] [--rows]
                                      score two-turn exchanges (first<TAB>followup<TAB>expected ids or NONE)
          eval-redflags FILE.tsv [--min-recall X] [--max-false-alarms Y] [--screening]
                                      score the red-flag detector on message<TAB>REDFLAG|OK rows
          eval-redflags-loso DIR      leave-one-set-out over DIR's red-flag and QA sets: rules vs rules + learned classifier
          train-triage DIR [--output FOLDER]
                                      train the learned second opinion on DIR's sets into safety/model/ of the content
          rules [--output FILE]       the red-flag rules in plain words, concepts and examples, for a clinician's review
          build-vocabulary AFF DIC OUT expand a Hunspell dictionary into the word-form file the analysis reads (the build runs it)
          check [DIR]                 list problems in the articles, lexicons, safety and conversation content; exit 1 if any
          teams-package DIR --bot-id ID [--output FILE]
                                      the Teams app zip from DIR (deploy/teams) with the Azure Bot's id filled in
          probe URL                   exit 0 when GET URL answers 2xx (the container's health check), else 1
          help                        this text
          (no command) [--urls URL]   run the bot server (default http://localhost:3978)
        Options for every command and the server: --content DIR (default: the content shipped with the build, or $FAQBOT_CONTENT)
        """;

    private static readonly string[] Commands = ["ask", "eval", "eval-cold", "eval-followups", "eval-redflags", "eval-redflags-loso", "train-triage", "rules", "build-vocabulary", "check", "probe", "teams-package", "help", "--help", "-h"];

    /// <summary>Whether <paramref name="args"/> start the server: nothing, or only <c>--options</c>.</summary>
    public static bool RunsServer(string[] args) =>
        args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && !Commands.Contains(args[0]));

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            var rest = args.Skip(1);
            return args[0] switch
            {
                "ask" => AskCommand.Run(CliArguments.Parse(rest, "content", LearnedTriageOption.Name), input, output, error),
                "eval" => EvalCommand.Run(CliArguments.Parse(rest, "content", "min", "without", "with", "threshold", "set"), output),
                "eval-cold" => EvalColdCommand.Run(CliArguments.Parse(rest, "content"), output),
                "eval-followups" => EvalFollowUpsCommand.Run(CliArguments.Parse(rest, "content", "min"), output),
                "eval-redflags" => EvalRedFlagsCommand.Run(CliArguments.Parse(rest, "content", "min-recall", "max-false-alarms", LearnedTriageOption.Name), output, error),
                "eval-redflags-loso" => EvalRedFlagsLosoCommand.Run(CliArguments.Parse(rest, "content"), output, error),
                "train-triage" => TrainTriageCommand.Run(CliArguments.Parse(rest, "content", "output"), output, error),
                "rules" => RulesCommand.Run(CliArguments.Parse(rest, "content", "output"), output, error),
                "build-vocabulary" => BuildVocabularyCommand.Run(CliArguments.Parse(rest), output),
                "check" => CheckCommand.Run(CliArguments.Parse(rest, "content"), output, error),
                "teams-package" => TeamsPackageCommand.Run(CliArguments.Parse(rest, TeamsPackageCommand.Options), output, error),
                "probe" => ProbeCommand.Run(CliArguments.Parse(rest), output, error),
                "help" or "--help" or "-h" => PrintUsage(output),
                _ => throw new CliUsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliUsageException exception)
        {
            error.WriteLine($"faqbot: {exception.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException or SafetyContentUnavailableException)
        {
            error.WriteLine($"faqbot: {exception.Message}");
            return 1;
        }
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
