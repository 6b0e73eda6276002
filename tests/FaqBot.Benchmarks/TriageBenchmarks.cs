using BenchmarkDotNet.Attributes;
using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Triage;
using FaqBot.Triage.Learned;

namespace FaqBot.Benchmarks;

/// <summary>
/// Triage of one message on the shipped rules (issue #10 target: ≤ 100 µs median), the rules followed by the learned
/// second opinion as a reply runs them, and the whole reply (triage, search, composing: the path of <c>ask --jsonl</c>)
/// over a mix of messages: short and long, ordinary and red flag. Each invocation runs the three messages of its mix.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TriageBenchmarks
{
    private static readonly Dictionary<MessageMix, string[]> Messages = new()
    {
        [MessageMix.ShortQuestion] =
        [
            "Hjælper øvelser mod iskias?",
            "hvor lang tid går der før iskias går over",
            "Can I keep running with sciatica?",
        ],
        [MessageMix.LongStory] =
        [
            "Hej. Jeg er 52 og har haft ondt i lænden i et par måneder, og for tre uger siden begyndte det at stråle ned i højre balde og bag på låret. Det er værst om morgenen og når jeg har siddet længe i bilen, og bedre når jeg går en tur. Min læge siger det nok er iskias og at jeg skal holde mig i gang. Jeg har prøvet panodil og varmepude. Hvor længe plejer det at vare, og er der øvelser jeg selv kan lave derhjemme?",
            "min kone siger jeg skal skrive herind. jeg har iskias i venstre ben igen ligesom for to år siden, det prikker lidt i tæerne når jeg har gået langt men det går væk når jeg sætter mig. jeg arbejder som tømrer og skal ud på en tagopgave om en uge, kan jeg godt løfte og bære eller skal jeg sygemelde mig? og hjælper det at gå til fysioterapeut eller kiropraktor?",
            "I've had sciatica down my left leg for about six weeks after moving house. It is slowly getting better, I can walk my dog again and sleep most of the night, but sitting at my desk still hurts after an hour. Should I get a standing desk, and is it safe to start swimming again?",
        ],
        [MessageMix.RedFlag] =
        [
            "Jeg kan ikke mærke noget i skridtet og kan ikke holde på urinen",
            "siden i går er begge mine ben blevet svage og jeg har svært ved at gå",
            "I have back pain and a fever of 39 and feel really unwell",
        ],
        [MessageMix.LongRedFlag] =
        [
            "Jeg har haft iskias i højre ben i fire uger og har været ved fysioterapeut to gange, øvelserne hjalp lidt i starten. Men i morges da jeg var i bad opdagede jeg at jeg ikke rigtig kan mærke vandet mellem benene og omkring endetarmen, og jeg har haft svært ved at komme af med vandet i dag. Jeg ved ikke om jeg overreagerer, men hvad skal jeg gøre?",
            "Min far på 78 har haft ondt i ryggen i nogle uger. Han faldt ned ad de sidste trappetrin i forgårs og siden har smerterne været meget værre, han har knogleskørhed og tager medicin for det. Han vil ikke ringe til lægen fordi han ikke vil være til besvær. Skal vi bare give ham smertestillende og se tiden an?",
            "Jeg blev opereret for brystkræft for seks år siden og har været rask siden. Nu har jeg haft ondt i ryggen i to måneder, det bliver ikke bedre af hvile og jeg vågner om natten af smerterne. Jeg har også tabt mig fem kilo uden at prøve. Er det bare iskias?",
        ],
    };

    private RedFlagDetector _rules = null!;
    private LearnedSecondOpinion _secondOpinion = null!;
    private ReplyComposer _composer = null!;
    private string[] _messages = null!;

    /// <summary>Which mix of messages this run triages.</summary>
    public enum MessageMix
    {
        ShortQuestion,
        LongStory,
        RedFlag,
        LongRedFlag,
    }

    [ParamsAllValues]
    public MessageMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var content = ContentFolder.Find();
        _secondOpinion = LearnedSecondOpinion.LoadNow(Path.Combine(content, SafetyContent.Folder, LearnedTriageModel.Folder));
        if (_secondOpinion.State != LearnedTriageState.Ready)
        {
            throw new InvalidOperationException(_secondOpinion.Problem);
        }

        var engine = FaqBotEngine.Load(content, new EngineOptions { SecondOpinion = _secondOpinion });
        _rules = new RedFlagDetector(engine.Safety.EnsureComplete().Rules);
        _composer = engine.Composer;
        _messages = Messages[Mix];
    }

    /// <summary>The shipped rules alone, one message.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 3)]
    public int Rules()
    {
        var flagged = 0;
        foreach (var message in _messages)
        {
            flagged += _rules.Detect(message).IsRedFlag ? 1 : 0;
        }

        return flagged;
    }

    /// <summary>The rules, then the learned second opinion when they find nothing: triage as a reply runs it.</summary>
    [Benchmark(OperationsPerInvoke = 3)]
    public int RulesThenSecondOpinion()
    {
        var flagged = 0;
        foreach (var message in _messages)
        {
            flagged += _rules.Detect(message).IsRedFlag || _secondOpinion.Consult(message) is not null ? 1 : 0;
        }

        return flagged;
    }

    /// <summary>The whole reply: triage, search and composing.</summary>
    [Benchmark(OperationsPerInvoke = 3)]
    public int WholeReply()
    {
        var bubbles = 0;
        foreach (var message in _messages)
        {
            bubbles += _composer.Compose(message).Messages.Count;
        }

        return bubbles;
    }
}
