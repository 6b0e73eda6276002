using System.Text;
using FaqBot.Articles;
using FaqBot.Channels.BotChannel;
using FaqBot.Channels.DirectLine;
using FaqBot.Channels.DirectLine.WebChat;
using FaqBot.Cli;
using FaqBot.Hosting;
using FaqBot.RateLimiting;
using FaqBot.Triage;
using Microsoft.Extensions.Options;

if (!CliApp.RunsServer(args))
{
    Console.OutputEncoding = Encoding.UTF8;
    Console.InputEncoding = Encoding.UTF8;
    return CliApp.Run(args, Console.In, Console.Out, Console.Error);
}

// No command (or only options such as --urls and --content): run the bot server, like every Bot Framework bot.
var builder = WebApplication.CreateBuilder(args);
// `--content DIR` names the content folder, as for every CLI command.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--content"] = FaqBotDomainServices.ContentPathSetting });
builder.ListenOnBotFrameworkPortByDefault();
try
{
    builder.Services.AddTrustedProxies();
    builder.Services.AddFaqBotDomain();
    builder.Services.AddFaqBotHealthChecks();
    builder.Services.AddFaqBotTelemetry();
    builder.Services.AddBotChannel(builder.Configuration);
    builder.Services.AddDirectLine(builder.Configuration);
    builder.Services.AddWebChatPage(builder.Configuration);
    builder.Services.AddRateLimiter(limiter => limiter.RejectWithErrorBody());

    var app = builder.Build();
    // First, so the client's address, scheme and host are right for the origin checks, rate limits and streamUrl.
    app.UseForwardedHeaders();
    // CORS before authorization, so a browser's preflight (which carries no token) is answered, not refused.
    app.UseCors();
    // Before authentication: the page-token and anonymous quotas count requests whatever their token.
    app.UseRateLimiter();
    app.UseWebSockets();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseResponseCompression();
    app.MapHealth();
    app.MapBotMessages();
    app.MapDirectLine();
    app.MapWebChatPage();
    app.MapArticlePages();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is SafetyContentUnavailableException or OptionsValidationException or InvalidSettingException)
{
    // Fail closed and say why: a bot without its safety content or with a broken setting must not serve patients.
    Console.Error.WriteLine($"faqbot: cannot start: {exception.Message}");
    return 1;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
