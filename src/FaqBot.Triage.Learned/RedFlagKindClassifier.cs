using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace FaqBot.Triage.Learned;

/// <summary>
/// Which kind of red flag a message describes, once <see cref="RedFlagClassifier"/> has flagged it: the same text
/// features and an SDCA maximum-entropy model over the kinds (ML.NET's L-BFGS one stayed at the kinds' priors on these
/// features), trained with the fixed seed on one thread on the red flags the rules find, labelled with the most urgent
/// kind the rules give them.
/// </summary>
public sealed class RedFlagKindClassifier
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly PredictionEngine<Row, Prediction> _engine;

    private RedFlagKindClassifier(MLContext context, ITransformer model, DataViewSchema inputSchema)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _engine = context.Model.CreatePredictionEngine<Row, Prediction>(model);
    }

    /// <summary>Trains on red-flag messages and their kinds (at least two kinds needed).</summary>
    public static RedFlagKindClassifier Train(IEnumerable<(string Text, string Kind)> examples)
    {
        var context = new MLContext(seed: RedFlagClassifier.Seed);
        var data = context.Data.LoadFromEnumerable(examples.Select(e => new Row { Text = e.Text, Kind = e.Kind }).ToList());
        var pipeline = context.Transforms.Text.FeaturizeText("Features", RedFlagClassifier.FeaturizerOptions(), nameof(Row.Text))
            .Append(context.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Kind)))
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
            }))
            .Append(context.Transforms.Conversion.MapKeyToValue(nameof(Prediction.PredictedKind), "PredictedLabel"));
        return new RedFlagKindClassifier(context, pipeline.Fit(data), data.Schema);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static RedFlagKindClassifier Load(Stream stream)
    {
        var context = new MLContext(seed: RedFlagClassifier.Seed);
        var model = context.Model.Load(stream, out var schema);
        return new RedFlagKindClassifier(context, model, schema);
    }

    /// <summary>Writes the model (ML.NET's zip format).</summary>
    public void Save(Stream stream) => _context.Model.Save(_model, _inputSchema, stream);

    /// <summary>The most probable kind of <paramref name="message"/>. Thread-safe (one engine, locked: it runs only on flagged messages).</summary>
    public string Predict(string message)
    {
        lock (_engine)
        {
            return _engine.Predict(new Row { Text = message }).PredictedKind;
        }
    }

    /// <summary>ML.NET's input row.</summary>
    public sealed class Row
    {
        public string Text { get; set; } = "";

        public string Kind { get; set; } = "";
    }

    /// <summary>ML.NET's output row.</summary>
    public sealed class Prediction
    {
        public string PredictedKind { get; set; } = "";
    }
}
