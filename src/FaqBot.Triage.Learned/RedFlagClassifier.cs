using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace FaqBot.Triage.Learned;

/// <summary>
/// A learned second opinion on red flags: word 1–2-grams and character 1–4-grams of the message (ML.NET's text
/// featurizer) and an L-BFGS logistic regression, red flag vs. not. Trained with a fixed seed on one thread, so the same
/// messages give the same model.
/// </summary>
public sealed class RedFlagClassifier
{
    /// <summary>The seed every training uses.</summary>
    public const int Seed = 20261203;

    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    private RedFlagClassifier(MLContext context, ITransformer model, DataViewSchema inputSchema)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
    }

    /// <summary>Trains on <paramref name="messages"/> (red flags and ordinary messages both needed).</summary>
    public static RedFlagClassifier Train(IEnumerable<LabelledMessage> messages)
    {
        var context = new MLContext(seed: Seed);
        var rows = messages.Select(m => new Row { Text = m.Text, Label = m.IsRedFlag }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        var pipeline = context.Transforms.Text.FeaturizeText("Features", FeaturizerOptions(), nameof(Row.Text))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label),
                    FeatureColumnName = "Features",
                    L2Regularization = 0.1f,
                    L1Regularization = 0f,
                    NumberOfThreads = 1,
                }));
        return new RedFlagClassifier(context, pipeline.Fit(data), data.Schema);
    }

    /// <summary>The message's features: word 1–2-grams and character 1–4-grams, lower case, diacritics folded, L2-normed.</summary>
    internal static TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static RedFlagClassifier Load(Stream stream)
    {
        var context = new MLContext(seed: Seed);
        var model = context.Model.Load(stream, out var schema);
        return new RedFlagClassifier(context, model, schema);
    }

    /// <summary>Writes the model (ML.NET's zip format).</summary>
    public void Save(Stream stream) => _context.Model.Save(_model, _inputSchema, stream);

    /// <summary>
    /// A scorer for one thread at a time (ML.NET's prediction engine reuses its buffers): the probability that a message
    /// describes a red flag.
    /// </summary>
    public RedFlagScorer CreateScorer() => new(_context.Model.CreatePredictionEngine<Row, Prediction>(_model));

    /// <summary>
    /// Texts of every shape a patient types (Danish with and without æøå, English, digits, punctuation, emoji, odd
    /// spacing, empty) on which <see cref="CompileScorer"/> must agree with ML.NET before it is used.
    /// </summary>
    public static readonly IReadOnlyList<string> ParityProbes =
    [
        "", " ", "?", "hej", "Hjælper øvelser mod iskias?", "hvor lang tid gaar der foer iskias gaar over",
        "Jeg kan ikke mærke noget i skridtet og kan ikke holde på urinen!!", "I have back pain and a fever of 39 😷",
        "  to   mellemrum\tog tab\nog linjeskift  ", "ÆØÅ éü ñ ½ ² 3,5 kg – «citat» „svar“ … 🙂👍🏽 |pipe| <tag> ~^`´¨§°",
        "siden i går er begge mine ben blevet svage og jeg har svært ved at gå, hvad gør jeg??",
    ];

    /// <summary>
    /// The same probabilities without ML.NET's row pipeline (<see cref="NgramLinearScorer"/>), when it can be made for
    /// this model and agrees with ML.NET's engine on every one of <paramref name="probes"/> to within
    /// <see cref="CompiledTolerance"/>; null otherwise, and the caller keeps <see cref="CreateScorer"/>.
    /// </summary>
    public NgramLinearScorer? CompileScorer(IEnumerable<string> probes)
    {
        var options = FeaturizerOptions();
        var normalizer = _context.Transforms.Text.NormalizeText(
            "Normalized", nameof(Row.Text), options.CaseMode, options.KeepDiacritics, options.KeepPunctuations, options.KeepNumbers);
        if (NgramLinearModelReader.TryRead(_context, _model, normalizer) is not { } compiled)
        {
            return null;
        }

        using var reference = CreateScorer();
        return probes.All(probe => Math.Abs(compiled.Score(probe) - reference.Score(probe)) <= CompiledTolerance) ? compiled : null;
    }

    /// <summary>How far the compiled probabilities may be from ML.NET's: they differ only in float rounding.</summary>
    public const float CompiledTolerance = 1e-5f;

    /// <summary>Probabilities for many messages at once (evaluation: one pass, no engine per message).</summary>
    public IReadOnlyList<float> ScoreAll(IEnumerable<string> messages)
    {
        var data = _context.Data.LoadFromEnumerable(messages.Select(m => new Row { Text = m }));
        return [.. _context.Data.CreateEnumerable<Prediction>(_model.Transform(data), reuseRowObject: false).Select(p => p.Probability)];
    }

    /// <summary>ML.NET's input row.</summary>
    public sealed class Row
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }

    /// <summary>ML.NET's output row.</summary>
    public sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
