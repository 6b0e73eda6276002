namespace FaqBot.Search;

/// <summary>Marks a <see cref="RankingOptions"/> parameter that can be set by <paramref name="name"/> (<c>eval --set</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RankingParameterAttribute(string name) : Attribute
{
    /// <summary>The parameter's name in <c>eval --set name=value</c>.</summary>
    public string Name { get; } = name;
}
