using System.Text;
using FaqBot.BotChannel;
using FaqBot.Cli;
using FaqBot.DirectLine;
using FaqBot.Hosting;
using FaqBot.WebChat;

if (CliApp.IsCommand(args))
{
    Console.OutputEncoding = Encoding.UTF8;
    Console.InputEncoding = Encoding.UTF8;
    return CliApp.Run(args, Console.In, Console.Out, Console.Error);
}

// No command (or only host options such as --urls): run the bot server, like every Bot Framework bot.
var builder = WebApplication.CreateBuilder(args);
builder.ListenOnBotFrameworkPortByDefault();
builder.Services.AddFaqBotDomain(builder.Configuration);
builder.Services.AddBotChannel(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddWebChatPage(builder.Configuration);

var app = builder.Build();
app.MapBotMessages();
app.MapDirectLine();
app.MapWebChatPage();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
