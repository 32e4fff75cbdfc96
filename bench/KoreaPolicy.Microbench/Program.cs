using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/KoreaPolicy.Microbench -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(KoreaPolicy.Microbench.ParserBenchmarks).Assembly).Run(args);
