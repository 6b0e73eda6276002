using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FaqBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(FaqBot.Benchmarks.SearchBenchmarks).Assembly).Run(args);
