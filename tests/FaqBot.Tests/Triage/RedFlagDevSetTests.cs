using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

public sealed class RedFlagDevSetTests
{
    private static readonly Lazy<SafetyContent> Safety = new(() => SafetyContent.Load(ContentTestFiles.ContentDirectory));

    [Fact]
    public void ShippedSafetyContentHasNoProblems() => Assert.Empty(Safety.Value.Problems);

    [Fact]
    public void DevSetMeetsRecallAndFalseAlarmTargets()
    {
        var evaluation = RedFlagEvaluation.Run(new RedFlagDetector(Safety.Value.Rules), ContentTestFiles.DataFile("dev-redflags.tsv"));

        Assert.True(evaluation.Cases.Count >= 60);
        Assert.True(evaluation.Recall == 1.0, "missed: " + string.Join(" | ", evaluation.Misses.Select(m => m.Note)));
        Assert.True(evaluation.FalseAlarmRate <= 0.10, "false alarms: " + string.Join(" | ", evaluation.FalseAlarms.Select(m => m.Note)));
    }

    /// <summary>
    /// Red-flag sets written by helpers who never saw the rules (<c>Data/extra-redflags*.tsv</c>). Their first
    /// runs found misses (recall between 73 % and 98 %); the rules were then widened with general wording, so they
    /// now guard against regressions rather than measure generalisation. Each row states the level reached.
    /// </summary>
    [Theory]
    [InlineData("extra-redflags.tsv", 90, 1.0, 0.05)]
    [InlineData("extra-redflags-2.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-3.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-4.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-5.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-6.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-7.tsv", 80, 1.0, 0.15)]
    [InlineData("extra-redflags-8.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-9.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-10.tsv", 80, 0.98, 0.20)]
    [InlineData("extra-redflags-11.tsv", 80, 1.0, 0.15)]
    [InlineData("extra-redflags-12.tsv", 80, 1.0, 0.15)]
    [InlineData("extra-redflags-13.tsv", 80, 1.0, 0.10)]
    [InlineData("extra-redflags-14.tsv", 80, 1.0, 0.20)]
    // Written during issue #9's session by helpers who saw only the two articles and a list of kinds. First runs:
    // recall 63/70, 66/70 and (on the concept rules) 62/64; false alarms 2/40, 11/40, 10/36. Clinical vocabulary by
    // concept (føleforstyrrelser, paræstesi, hypæstesi, perianal, miktion, parese, droppefod, bilateral, "mister
    // kraft", "kontrol over maven") and bare-letter wildcards then gave 67/70, 66/70, 64/64 with 3/40, 12/40, 10/36
    // (the two new false alarms: a doctor's question retold, "hvad betyder droppefod?"). "Severe uncontrolled pain",
    // a kind these rules do not have, is set 16's remaining misses.
    [InlineData("extra-redflags-15.tsv", 110, 0.95, 0.08)]
    [InlineData("extra-redflags-16.tsv", 110, 0.95, 0.28)]
    [InlineData("extra-redflags-17.tsv", 100, 1.0, 0.28)]
    // Written in stop 19 by four more helpers who saw only a list of kinds. First runs, on the rules before any change
    // they prompted: 18 47/50 with 6/30 false alarms, 19 42/45 with 5/35; 20 and 21 were scored on both the old rules
    // and the rules widened after 18 and 19: 20 48/55 → 50/55 (7/35 → 6/35), 21 47/50 both (9/40 both). Clinical and
    // lay vocabulary by concept (ridebukseanæstesi, sphincterpåvirkning, nedsat følesans/sensibilitet, inkontinens for
    // afføring, strong painkillers that do not help, Swedish and Norwegian words) and exclusions by concept (a question
    // about what a sign means, the back said to be fine, stable or denied weakness, a resolved infection, a cold, sore
    // muscles after exercise, someone else's cancer, work on a cancer ward). Sets 22 (metaphors, indirect words) and 23
    // (buried, hedged, misspelt) were then written and scored first on those rules: 22 39/48 (5/32 false alarms), 23
    // 44/45 (8/35). Two mechanisms followed — a rule's "ikke" must stand in the clause of the words it negates ("det
    // svier når jeg tisser, men ingen feber"), and "ingen problemer med …" denies its whole clause — with words for the
    // urge to pass urine, leaking unnoticed, a knee that "gav efter", flu-like illness and appetite gone. Levels below.
    [InlineData("extra-redflags-18.tsv", 80, 1.0, 0.05)]
    [InlineData("extra-redflags-19.tsv", 80, 1.0, 0.05)]
    [InlineData("extra-redflags-20.tsv", 90, 1.0, 0.10)]
    [InlineData("extra-redflags-21.tsv", 90, 1.0, 0.05)]
    [InlineData("extra-redflags-22.tsv", 80, 1.0, 0.13)]
    [InlineData("extra-redflags-23.tsv", 80, 1.0, 0.06)]
    public void IndependentSetsKeepTheirRecall(string file, int rows, double minRecall, double maxFalseAlarms)
    {
        var evaluation = RedFlagEvaluation.Run(new RedFlagDetector(Safety.Value.Rules), ContentTestFiles.DataFile(file));

        Assert.Equal(rows, evaluation.Cases.Count);
        Assert.True(evaluation.Recall >= minRecall, "missed: " + string.Join(" | ", evaluation.Misses.Select(m => m.Note)));
        Assert.True(evaluation.FalseAlarmRate <= maxFalseAlarms, "false alarms: " + string.Join(" | ", evaluation.FalseAlarms.Select(m => m.Note)));
    }

    /// <summary>
    /// Ordinary questions about sciatica, the 640 of the seven QA sets, raise next to no alarm. The three that do are
    /// left on the safe side, all in <c>extra-qa-4.tsv</c>, which asks near red flags on purpose ("kan hverken gå tur
    /// med hunden", a steroid injection in the back, prostate cancer as a cause).
    /// </summary>
    [Fact]
    public void OrdinaryQuestionsRaiseNextToNoAlarm()
    {
        var detector = new RedFlagDetector(Safety.Value.Rules);
        var questions = new[] { "dev-qa.tsv", "extra-qa.tsv", "extra-qa-2.tsv", "extra-qa-3.tsv", "extra-qa-4.tsv", "extra-qa-5.tsv", "extra-qa-6.tsv" }
            .SelectMany(file => File.ReadLines(ContentTestFiles.DataFile(file)).Skip(1))
            .Select(line => line.Split('\t')[0])
            .ToList();

        Assert.Equal(640, questions.Count);
        var alarms = questions.Where(q => detector.Detect(q).IsRedFlag).ToList();
        Assert.True(alarms.Count <= 3, string.Join(" | ", alarms));
    }

    [Theory]
    [InlineData("jeg kan ikke mærke noget dernede", "caudaEquina")]
    [InlineData("har tisset i bukserne to gange i dag", "caudaEquina")]
    [InlineData("foden klasker ned i gulvet når jeg går", "legWeakness")]
    [InlineData("kan ikke maerke noget i skridtet", "caudaEquina")]
    [InlineData("My groin feels numb and my back hurts", "caudaEquina")]
    [InlineData("I can't pee since my back went", "caudaEquina")]
    [InlineData("I have sciatica in both legs now", "bilateralSymptoms")]
    [InlineData("jeg har mistet kontrollen over blæren", "caudaEquina")]
    [InlineData("har haft prostatakræft og nu ondt i lænden", "cancerHistory")]
    [InlineData("Jeg har tabt 8 kilo uden at prøve, og ryggen gør ondt", "weightLoss")]
    [InlineData("Jeg faldt ned fra en stige og landede på ryggen", "trauma")]
    [InlineData("jeg har feber og ondt i ryggen", "feverOrUnwell")]
    [InlineData("jeg har lige fået konstateret knoglemetastaser og har ondt i ryggen", "cancerHistory")]
    [InlineData("jeg faldt ned fra taget", "trauma")]
    [InlineData("ufrivillig vandladning siden i går", "caudaEquina")]
    [InlineData("jeg kan ikke bevæge tæerne", "legWeakness")]
    [InlineData("my legs are numb", "bilateralSymptoms")]
    [InlineData("ryggen gør så ondt om natten at jeg må gå rundt", "nightPain")]
    [InlineData("when i wipe after the toilet i can't feel the paper", "caudaEquina")]
    [InlineData("folelseslos i skridtet", "caudaEquina")]
    [InlineData("cant control my bladder", "caudaEquina")]
    [InlineData("jeg har haft kraeft", "cancerHistory")]
    [InlineData("Hej. Jeg har et spørgsmål om øvelser. Forresten har jeg svaert ved at tisse siden i går. Hvor mange gentagelser skal jeg lave?", "caudaEquina")]
    public void DetectsIndirectDescriptions(string message, string kind) =>
        Assert.Contains(kind, new RedFlagDetector(Safety.Value.Rules).Detect(message).Kinds);

    [Fact]
    public void MostUrgentKindComesFirst()
    {
        var detection = new RedFlagDetector(Safety.Value.Rules).Detect("Iskias i begge ben, og jeg kan ikke holde på vandet");

        Assert.Equal("caudaEquina", detection.Kinds[0]);
        Assert.Contains("bilateralSymptoms", detection.Kinds);
        Assert.True(detection.IsEmergency);
    }
}
