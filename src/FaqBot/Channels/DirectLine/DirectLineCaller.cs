namespace FaqBot.Channels.DirectLine;

/// <summary>Who is calling a Direct Line endpoint, as established once by <see cref="DirectLineAuthFilter"/>.</summary>
/// <param name="IsSecret">A trusted back end holding <see cref="DirectLineOptions.Secret"/>: any conversation.</param>
/// <param name="Grant">A browser holding a token: its one conversation.</param>
public sealed record DirectLineCaller(bool IsSecret, DirectLineGrant? Grant)
{
    /// <summary>The caller the filter stored on the request.</summary>
    public static DirectLineCaller Of(HttpContext context) =>
        context.Items[typeof(DirectLineCaller)] as DirectLineCaller
        ?? throw new InvalidOperationException("The Direct Line endpoint ran without DirectLineAuthFilter.");
}

/// <summary>Marks the WebSocket endpoint, whose token comes in the query (browsers cannot set headers on sockets).</summary>
public sealed class DirectLineStreamEndpointMetadata;
