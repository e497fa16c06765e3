using BenchmarkDotNet.Running;

// Micro-benchmarks of CareStream's hot paths. Run: dotnet run -c Release --project tests/CareStream.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CareStream.Benchmarks.ObservationJsonBenchmarks).Assembly).Run(args);
