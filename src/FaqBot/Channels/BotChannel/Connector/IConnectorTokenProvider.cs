namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Supplies the bearer token for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// The access token, or null when calls go out unauthenticated (local development). <paramref name="forceRefresh"/>
    /// bypasses the cache after the Connector rejected a cached token.
    /// </summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>No app id: the Emulator accepts replies without a token.</summary>
internal sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
