namespace FaqBot;

/// <summary>
/// The engine a server answers with, which can be rebuilt from its content folder and swapped in while serving (the
/// role Lucene's <c>SearcherManager</c> plays for an index): the new engine is loaded completely beside the old one,
/// and only one that loaded with complete safety content replaces it. A turn reads <see cref="Current"/> once and
/// finishes on that engine; the old one is left to the garbage collector, as nothing in it needs closing.
/// </summary>
public sealed class LiveEngine
{
    private readonly Func<FaqBotEngine> _load;
    private readonly Action<FaqBotEngine> _loaded;
    private readonly Lock _reloading = new();
    private FaqBotEngine _current;

    /// <summary>Loads the first engine with <paramref name="load"/>.</summary>
    /// <param name="load">Builds an engine from the content (its parts load lazily; they are forced here).</param>
    /// <param name="loaded">Runs on every engine once it is complete, before it serves (e.g. to log its problems).</param>
    /// <exception cref="Triage.SafetyContentUnavailableException">The safety content is missing or broken: no answers at all.</exception>
    public LiveEngine(Func<FaqBotEngine> load, Action<FaqBotEngine>? loaded = null)
    {
        _load = load;
        _loaded = loaded ?? (_ => { });
        _current = Complete(load());
        _loaded(_current);
    }

    /// <summary>The engine in service now.</summary>
    public FaqBotEngine Current => Volatile.Read(ref _current);

    /// <summary>How many times an engine replaced the one in service.</summary>
    public int Generation { get; private set; }

    /// <summary>
    /// Rebuilds the engine from the content and, when it loaded with complete safety content, puts it in service.
    /// Reloads run one at a time; serving goes on meanwhile on the current engine.
    /// </summary>
    /// <returns>Null when the new engine serves; otherwise why it does not (the old one still does).</returns>
    public Exception? Reload()
    {
        lock (_reloading)
        {
            FaqBotEngine next;
            try
            {
                // A reload is off the request path: the new engine is prepared before it serves.
                next = Complete(_load());
                next.Composer.Prepare();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return exception;
            }

            _loaded(next);
            Volatile.Write(ref _current, next);
            Generation++;
            return null;
        }
    }

    /// <summary>Loads every part of <paramref name="engine"/>, the safety content beside the index, and checks the safety content.</summary>
    private static FaqBotEngine Complete(FaqBotEngine engine)
    {
        var safety = Task.Run(() => engine.Safety);
        _ = engine.Knowledge;
        safety.GetAwaiter().GetResult();
        _ = engine.Conversation;
        _ = engine.Composer;
        return engine.RequireSafetyContent();
    }
}
