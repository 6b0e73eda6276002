using System.Text;
using FaqBot.Cli;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.In, Console.Out, Console.Error);
}

// The bot server is wired up by the Bot Framework channel.
Console.Error.WriteLine(CliApp.Usage);
return 2;
