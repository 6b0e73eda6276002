namespace FaqBot.Cli;

/// <summary>A command's arguments: positional values and <c>--name [value]</c> options.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional) => Positional = positional;

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; options listed in <paramref name="valued"/> take the next argument as value.</summary>
    public static CliArguments Parse(IEnumerable<string> args, params string[] valued)
    {
        var positional = new List<string>();
        var parsed = new CliArguments(positional);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                if (valued.Contains(name))
                {
                    parsed._options[name] = e.MoveNext() ? e.Current : throw new CliUsageException($"--{name} needs a value");
                }
                else
                {
                    parsed._options[name] = null;
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        return parsed;
    }

    /// <summary>Whether <c>--name</c> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of <c>--name VALUE</c>, or null.</summary>
    public string? Value(string name) => _options.GetValueOrDefault(name);

    /// <summary>Throws when an option other than <paramref name="known"/> was given.</summary>
    public void RejectUnknown(params string[] known)
    {
        var unknown = _options.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new CliUsageException($"unknown option --{unknown}");
        }
    }
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
