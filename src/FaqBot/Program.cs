// Entry point: the CLI and server are wired up in later commits.
Console.WriteLine("FaqBot");
