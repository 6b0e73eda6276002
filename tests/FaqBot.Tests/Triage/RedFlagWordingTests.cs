using FaqBot.Tests.Content;
using FaqBot.Triage;

namespace FaqBot.Tests.Triage;

/// <summary>
/// Red flags in wordings the dev set does not have, and ordinary words one letter away from a rule word that
/// must not raise an alarm.
/// </summary>
public sealed class RedFlagWordingTests
{
    private static readonly Lazy<RedFlagDetector> Detector =
        new(() => new RedFlagDetector(SafetyContent.Load(ContentTestFiles.ContentDirectory).Rules));

    [Theory]
    [InlineData("numbness between my legs since yesterday", "caudaEquina")]
    [InlineData("jeg kan ikke rigtig mærke når jeg tørrer mig efter toiletbesøg", "caudaEquina")]
    [InlineData("har ikke tisset siden i morges selvom jeg har drukket meget", "caudaEquina")]
    [InlineData("har mistet kontrollen over afføringen", "caudaEquina")]
    [InlineData("min højre fod hænger og jeg kan ikke løfte tæerne", "legWeakness")]
    [InlineData("kan ikke stå på tæer på venstre ben mere", "legWeakness")]
    [InlineData("feber på 39 og voldsomme rygsmerter", "feverOrUnwell")]
    [InlineData("jeg har tidligere haft prostatakræft og nu har jeg ondt i lænden", "cancerHistory")]
    [InlineData("kom ud for et trafikuheld i går og har nu ondt i ryggen og benet", "trauma")]
    [InlineData("jeg kan ikke sove om natten for smerter, lige meget hvordan jeg ligger", "nightPain")]
    [InlineData("kan ik mearke toiletbraettet", "caudaEquina")]
    [InlineData("Ryggen gør ondt, og jeg har tabt ti kilo, uden at jeg har spist mindre eller motioneret mere", "weightLoss")] // "uden at" negates its whole list
    [InlineData("Jeg har tabt seks kilo uden at prøve, og smerten løber ned i benet", "weightLoss")] // pain that runs is no running
    public void FindsRedFlagsInOtherWords(string message, string kind)
    {
        Assert.Contains(kind, Detector.Value.Detect(message).Kinds);
    }

    [Theory]
    [InlineData("Min kollega fik lavet en MR-scanning og så fandt de en prolaps.")] // "fandt" is not "faldt"
    [InlineData("Min mor siger jeg skal ligge fladt, men jeg har iskias.")] // "fladt" is not "faldt"
    [InlineData("Jeg skal huske at skifte stilling tit, når jeg sidder på kontoret.")] // "skifte" is not "skidt"
    [InlineData("Jeg har ondt i ryggen når jeg har siddet længe")]
    [InlineData("Hvor lang tid tager det før iskias går over")]
    [InlineData("Det stikker ned i benet, når jeg sidder, hænger det sammen med iskias?")] // an idiom, no hanging leg
    public void OrdinaryWordsNearARuleWordRaiseNoAlarm(string message)
    {
        Assert.Empty(Detector.Value.Detect(message).Kinds);
    }
}
