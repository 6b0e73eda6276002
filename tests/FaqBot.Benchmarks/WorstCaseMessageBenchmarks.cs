using System.Text;
using BenchmarkDotNet.Attributes;
using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Benchmarks;

/// <summary>
/// A whole reply (triage, length check, small talk, search, composing) over the shipped content for the worst messages
/// that fit in Direct Line's 32 KB activity limit, next to a normal question and the longest message still searched.
/// </summary>
[MemoryDiagnoser]
public class WorstCaseMessageBenchmarks
{
    private const int MessageChars = 32 * 1024;

    private ReplyComposer _composer = null!;
    private string _longToken = null!;
    private string _shortTokens = null!;
    private string _redFlagWords = null!;
    private string _distinctWords = null!;
    private string _longestSearched = null!;

    /// <summary>Whether the learned second opinion is consulted (the server's default) or the rules alone decide.</summary>
    [Params(false, true)]
    public bool SecondOpinion { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        // As the server composes: with the learned second opinion (it reads the first 1,000 characters), or without.
        var secondOpinion = SecondOpinion
            ? LearnedSecondOpinion.LoadNow(Path.Combine(content, SafetyContent.Folder, LearnedTriageModel.Folder))
            : LearnedSecondOpinion.Off();
        _composer = FaqBotEngine.Load(content, new EngineOptions { SecondOpinion = secondOpinion }).Composer;

        // One unbroken "word": a compound-looking run of Danish letters, so stemming, folding and the rules' typo
        // tolerance all see a plausible word.
        _longToken = Repeat("iskiassmerterilænden", "", MessageChars);

        // Thousands of short words in one sentence, negations included, so every negation scope and rule window is busy.
        _shortTokens = Repeat("jeg har ikke ondt i ryg og ben nu", " ", MessageChars);

        // Every word the red-flag rules name, over and over, in one sentence.
        var ruleWords = _composer.RedFlags.RuleSet.WordTerms
            .Select(w => w.Form)
            .Distinct();
        _redFlagWords = Repeat(string.Join(' ', ruleWords), " ", MessageChars);

        // Thousands of different made-up words the rules do not name, each a possible typo of many rule words.
        var random = new Random(9);
        var madeUp = new StringBuilder();
        while (madeUp.Length < MessageChars - 8)
        {
            madeUp.Append("sbfkt"[random.Next(5)]);
            for (var i = 0; i < 6; i++)
            {
                madeUp.Append((char)('a' + random.Next(26)));
            }

            madeUp.Append(' ');
        }

        _distinctWords = madeUp.ToString().TrimEnd();

        // Just under the length that is still searched: a long story of questions.
        _longestSearched = Repeat("Hvad kan jeg selv gøre ved iskias i ryggen og benet?", " ", new ReplyOptions().MaxQuestionChars);
    }

    /// <summary>A normal question, for reference.</summary>
    [Benchmark(Baseline = true)]
    public Reply NormalQuestion() => _composer.Compose("Hjælper øvelser mod iskias?");

    /// <summary>32 KB without a space.</summary>
    [Benchmark]
    public Reply WorstLongToken() => _composer.Compose(_longToken);

    /// <summary>32 KB of short words.</summary>
    [Benchmark]
    public Reply WorstShortTokens() => _composer.Compose(_shortTokens);

    /// <summary>32 KB of red-flag words.</summary>
    [Benchmark]
    public Reply WorstRedFlagWords() => _composer.Compose(_redFlagWords);

    /// <summary>32 KB of different made-up words.</summary>
    [Benchmark]
    public Reply WorstDistinctWords() => _composer.Compose(_distinctWords);

    /// <summary>2,000 characters of questions: the most search and small talk ever read.</summary>
    [Benchmark]
    public Reply WorstLongestSearched() => _composer.Compose(_longestSearched);

    /// <summary><paramref name="unit"/> repeated (joined by <paramref name="separator"/>) up to <paramref name="length"/> characters.</summary>
    private static string Repeat(string unit, string separator, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length + separator.Length + unit.Length <= length)
        {
            builder.Append(unit).Append(separator);
        }

        return builder.ToString().TrimEnd();
    }
}
