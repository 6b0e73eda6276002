namespace FaqBot.Cli;

/// <summary>Dispatches <c>faqbot &lt;command&gt;</c>.</summary>
internal static class CliApp
{
    public const string Usage = """
        Usage: faqbot <command> [options]
          ask "question"            the reply as a patient reads it
          ask --jsonl               one question per stdin line -> one JSON object per stdout line
          eval FILE.tsv [--min X] [--misses] [--sweep] [--without folding,typos,compounds,synonyms,english,derivational,coverage|all]
                                    score a QA file
          eval-redflags FILE.tsv [--min-recall X] [--max-false-alarms Y]
                                    score the red-flag detector on message<TAB>REDFLAG|OK rows
          check [DIR]               list problems in the articles and lexicons; exit 1 if any
          (no command)              run the bot server
        Options for every command: --content DIR (default: the content shipped with the build, or $FAQBOT_CONTENT)
        """;

    /// <summary>Whether <paramref name="args"/> name a CLI command (otherwise the server runs).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "ask" or "eval" or "eval-redflags" or "check" or "help" or "--help" or "-h";

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            var rest = args.Skip(1);
            return args[0] switch
            {
                "ask" => AskCommand.Run(CliArguments.Parse(rest, "content"), input, output, error),
                "eval" => EvalCommand.Run(CliArguments.Parse(rest, "content", "min", "without", "threshold", "set"), output),
                "eval-redflags" => EvalRedFlagsCommand.Run(CliArguments.Parse(rest, "content", "min-recall", "max-false-alarms"), output, error),
                "check" => CheckCommand.Run(CliArguments.Parse(rest), output, error),
                _ => PrintUsage(output),
            };
        }
        catch (CliUsageException exception)
        {
            error.WriteLine($"faqbot: {exception.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
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
