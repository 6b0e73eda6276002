using FaqBot;
using FaqBot.BotChannel;
using FaqBot.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

// No arguments (or only host options such as --urls): run the bot server, like every Bot Framework bot.
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    var builder = WebApplication.CreateBuilder(args);
    builder.ListenOnBotFrameworkPortByDefault();
    builder.Services.AddBotChannel(builder.Configuration);
    builder.Services.TryAddSingleton<IReplyComposer, UnconfiguredReplyComposer>();

    var app = builder.Build();
    app.MapBotMessages();
    await app.RunAsync();
    return 0;
}

// CLI commands are dispatched here
await Console.Error.WriteLineAsync("Brug: faqbot [ask|eval|check] … (eller uden argumenter for at starte botten)");
return 2;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
