namespace FaqBot.Channels.Activities.Inbound;

/// <summary>The token of an <c>Authorization: Bearer …</c> header, as every channel's authentication reads it.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token, or null when the request carries no bearer header.</summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
