using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Hosting;
using FaqBot.Triage;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot ask "question"</c> prints the reply as a patient reads it; <c>faqbot ask --jsonl</c> answers one
/// question per stdin line with one JSON object per stdout line.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The options <c>ask</c> takes.</summary>
    public static readonly string[] Options = ["jsonl", "content", "explain", LearnedTriageOption.Name];

    public static int Run(CliArguments args, TextReader input, TextWriter output, TextWriter error)
    {
        args.RejectUnknown(Options);
        var directory = args.Value("content") ?? ContentLocation.Default;
        var engine = FaqBotEngine.Load(directory, new EngineOptions { SecondOpinion = LearnedTriageOption.Load(args, directory, error) });
        foreach (var problem in engine.Knowledge.Problems)
        {
            error.WriteLine($"warning: {problem}");
        }

        // Like the server, refuse to answer without the red-flag rules, the urgent advice and the safety note.
        engine.RequireSafetyContent();
        foreach (var problem in engine.Conversation.Problems)
        {
            error.WriteLine($"warning: {problem}");
        }

        var composer = engine.Composer;

        if (args.Has("jsonl"))
        {
            // Exactly one output line per input line, so a caller can pair them; a blank line gets the welcome, as in a chat.
            while (input.ReadLine() is { } line)
            {
                var reply = line.Trim().Length == 0 ? composer.Welcome() : composer.Compose(line);
                output.WriteLine(JsonSerializer.Serialize(ToJsonLine(line, reply), JsonOptions));
            }

            return 0;
        }

        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("ask needs a question in quotes, or --jsonl to read questions from stdin");
        }

        var question = string.Join(' ', args.Positional);
        if (args.Has("explain"))
        {
            Explain(engine, question, output);
        }

        output.WriteLine(PlainTextReply.Of(composer.Compose(question)));
        return 0;
    }

    /// <summary>How the question was analysed and ranked: for whoever tunes the lexicons and ranking.</summary>
    private static void Explain(FaqBotEngine engine, string question, TextWriter output)
    {
        var (parsed, hits) = engine.Explain(question, 5);
        output.WriteLine(parsed.IsEnglish ? "[English]" : "[Danish]");
        foreach (var clause in parsed.Clauses)
        {
            var alternatives = string.Join(" | ", clause.Alternatives.Select(a => $"{string.Join('+', a.Terms)}×{a.Weight:0.0}"));
            output.WriteLine($"  {clause.Surface,-18} {clause.Origin,-9} importance {clause.Importance:0.00}  {alternatives}");
        }

        foreach (var hit in hits)
        {
            output.WriteLine($"  {hit.Score,7:0.00}  confidence {hit.Confidence:0.000}  question match {hit.TitleMatch:0.000}  {hit.Passage.Id}");
        }

        output.WriteLine();
    }

    /// <summary>All bubbles of a reply in their Markdown, for the JSON lines.</summary>
    internal static string ReplyText(Reply reply)
    {
        var text = string.Join("\n\n", reply.Messages.Select(m => m.Markdown));
        return reply.SuggestedQuestions.Count == 0
            ? text
            : text + "\n\n" + string.Join('\n', reply.SuggestedQuestions.Select(q => $"→ {q}"));
    }

    private static JsonlReply ToJsonLine(string question, Reply reply) =>
        new(question, reply.Kind, reply.PassageId, reply.Title, reply.Score, reply.RedFlag, reply.RedFlags, ReplyText(reply));

    private sealed record JsonlReply(
        string Question,
        ReplyKind Kind,
        string? PassageId,
        string? Title,
        double? Score,
        bool RedFlag,
        IReadOnlyList<string> RedFlags,
        string Text);
}
