namespace FaqBot.Channels.BotChannel;

/// <summary>Host defaults for a Bot Framework bot.</summary>
public static class BotChannelHostingExtensions
{
    /// <summary>The port every Bot Framework bot and the Emulator use.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel endpoints say otherwise.</summary>
    public static WebApplicationBuilder ListenOnBotFrameworkPortByDefault(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
