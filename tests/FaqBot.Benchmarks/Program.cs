// Benchmarks are added with the search engine.
Console.WriteLine("FaqBot benchmarks");
