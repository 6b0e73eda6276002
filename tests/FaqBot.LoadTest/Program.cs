using FaqBot.LoadTest;

// The Direct Line half of the load benchmark (wrk cannot speak WebSockets); tests/FaqBot.LoadTest/run.sh starts the
// server and runs this against it. Exit code: 0 passed, 1 something was lost, duplicated, reordered or timed out, 2 usage.
if (LoadOptions.Parse(args, out var error) is not { } options)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var report = await new LoadRun(options, PatientQuestions.Read(options.QuestionsFile)).RunAsync();
report.WriteTo(Console.Out);
return report.Passed ? 0 : 1;
