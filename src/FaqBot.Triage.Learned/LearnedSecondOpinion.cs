using System.Collections.Concurrent;
using System.Diagnostics;

namespace FaqBot.Triage.Learned;

/// <summary>Where the learned second opinion stands.</summary>
public enum LearnedTriageState
{
    /// <summary>Switched off by setting: the rules alone decide.</summary>
    Off,
    /// <summary>The model is being loaded; until then the rules alone decide.</summary>
    Loading,
    /// <summary>Loaded: consulted when the rules find nothing.</summary>
    Ready,
    /// <summary>No model files: the rules alone decide.</summary>
    Missing,
    /// <summary>A model file could not be read: the rules alone decide.</summary>
    Broken,
}

/// <summary>
/// The learned second opinion behind <see cref="IRedFlagSecondOpinion"/>: loads <see cref="LearnedTriageModel"/> from a
/// folder (off the request path: the host calls <see cref="Load"/> in the background) and, once loaded, flags a
/// message whose probability reaches the model's threshold with the kind the kind classifier predicts. Missing or
/// broken files leave it without an opinion, never crash. Thread-safe: each concurrent caller borrows a scorer.
/// </summary>
public sealed class LearnedSecondOpinion : IRedFlagSecondOpinion
{
    /// <summary>
    /// Whether the server and the CLI consult it unless told otherwise (setting <c>Triage:LearnedSecondOpinion</c>,
    /// option <c>--learned on|off</c>); see the README for the leave-one-set-out figures behind the choice.
    /// </summary>
    public const bool OnByDefault = true;

    /// <summary>
    /// The most it reads of a message: its cost grows with the length (about 1 µs a character; 35 ms for 32 KB), and it
    /// was trained on messages of at most 572 characters, so it has nothing to say about the rest of a longer story. The
    /// rules still read all of it.
    /// </summary>
    public const int MaxMessageChars = 1000;

    private readonly ConcurrentBag<RedFlagScorer> _scorers = [];
    private volatile LearnedTriageModel? _model;

    // The model's probabilities without ML.NET's row pipeline, once compiled, when they could be made and agree with it.
    private volatile NgramLinearScorer? _compiled;
    private volatile LearnedTriageState _state;

    private LearnedSecondOpinion(string? folder, LearnedTriageState state)
    {
        ModelFolder = folder;
        _state = state;
    }

    /// <summary>The folder the model is read from; null when off.</summary>
    public string? ModelFolder { get; }

    /// <summary>Where it stands.</summary>
    public LearnedTriageState State => _state;

    /// <summary>Why it is missing or broken, or could not be compiled (no message text is ever part of it); empty otherwise.</summary>
    public string Problem { get; private set; } = "";

    /// <summary>How long <see cref="Load"/> took.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Whether the model's probabilities are computed without ML.NET's row pipeline (<see cref="NgramLinearScorer"/>).</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>The loaded model's threshold, if loaded.</summary>
    public double? Threshold => _model?.Threshold;

    /// <summary>A second opinion that never gives one (the setting switched it off).</summary>
    public static LearnedSecondOpinion Off() => new(null, LearnedTriageState.Off);

    /// <summary>A second opinion for the model in <paramref name="folder"/>, not yet loaded: call <see cref="Load"/>.</summary>
    public static LearnedSecondOpinion From(string folder) => new(folder, LearnedTriageState.Loading);

    /// <summary>A second opinion with the model in <paramref name="folder"/> loaded now (the CLI).</summary>
    public static LearnedSecondOpinion LoadNow(string folder)
    {
        var opinion = From(folder);
        opinion.Load();
        opinion.Compile();
        return opinion;
    }

    /// <summary>Loads the model; afterwards <see cref="State"/> is Ready, Missing or Broken. Never throws.</summary>
    public LearnedTriageState Load()
    {
        if (ModelFolder is null || _state != LearnedTriageState.Loading)
        {
            return _state;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            if (!LearnedTriageModel.ExistsIn(ModelFolder))
            {
                Problem = $"{ModelFolder}: no learned triage model (run faqbot train-triage); triage runs on the rules alone";
                _state = LearnedTriageState.Missing;
                return _state;
            }

            var model = LearnedTriageModel.Load(ModelFolder);
            // The first prediction builds ML.NET's pipeline; do it here, not in a patient's turn.
            var scorer = model.Detector.CreateScorer();
            scorer.Score("");
            model.Kinds.Predict("");
            _scorers.Add(scorer);
            _model = model;
            _state = LearnedTriageState.Ready;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A damaged model must never take the bot down: the rules still triage every message.
            Problem = $"{ModelFolder}: the learned triage model cannot be read ({exception.GetType().Name}: {exception.Message}); triage runs on the rules alone";
            _state = LearnedTriageState.Broken;
        }
        finally
        {
            LoadTime = clock.Elapsed;
        }

        return _state;
    }

    /// <summary>
    /// Once loaded, replaces ML.NET's prediction engine by the compiled scorer (<see cref="NgramLinearScorer"/>) when
    /// it can be made and agrees with the engine; otherwise the engine goes on serving. About 0.35 s of work, which a
    /// server does a few seconds after it starts rather than beside its first answers. Never throws.
    /// </summary>
    /// <returns>Whether the compiled scorer now serves.</returns>
    public bool Compile()
    {
        if (_model is not { } model || _compiled is not null)
        {
            return _compiled is not null;
        }

        try
        {
            _compiled = model.Detector.CompileScorer(RedFlagClassifier.ParityProbes);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The engine still serves: a scorer that cannot be compiled costs speed, never a second opinion.
            Problem = $"{ModelFolder}: the learned triage model could not be compiled ({exception.GetType().Name}); ML.NET's engine serves";
        }

        return _compiled is not null;
    }

    /// <inheritdoc/>
    public string? Consult(string message)
    {
        if (_model is not { } model)
        {
            return null;
        }

        var text = message.Length > MaxMessageChars ? message[..MaxMessageChars] : message;
        if (_compiled is { } compiled)
        {
            return compiled.Score(text) >= model.Threshold ? model.Kinds.Predict(text) : null;
        }

        var scorer = _scorers.TryTake(out var free) ? free : model.Detector.CreateScorer();
        try
        {
            return scorer.Score(text) >= model.Threshold ? model.Kinds.Predict(text) : null;
        }
        finally
        {
            _scorers.Add(scorer);
        }
    }
}
