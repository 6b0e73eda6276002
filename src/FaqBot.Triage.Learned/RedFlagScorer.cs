using Microsoft.ML;

namespace FaqBot.Triage.Learned;

/// <summary>Scores single messages with a <see cref="RedFlagClassifier"/>; one thread at a time.</summary>
public sealed class RedFlagScorer : IDisposable
{
    private readonly PredictionEngine<RedFlagClassifier.Row, RedFlagClassifier.Prediction> _engine;
    private readonly RedFlagClassifier.Row _row = new();

    internal RedFlagScorer(PredictionEngine<RedFlagClassifier.Row, RedFlagClassifier.Prediction> engine) => _engine = engine;

    /// <summary>The probability that <paramref name="message"/> describes a red flag.</summary>
    public float Score(string message)
    {
        _row.Text = message;
        return _engine.Predict(_row).Probability;
    }

    /// <inheritdoc/>
    public void Dispose() => _engine.Dispose();
}
