using System.Globalization;
using BenchmarkDotNet.Running;

// Micro-benchmarks of CareStream's hot paths. Run: dotnet run -c Release --project tests/CareStream.Benchmarks -- --filter '*'
// The normalizer through the embedded Kafka mock cluster: ... -- normalizer-kafka [readings, default 200000]
if (args is ["normalizer-kafka", ..])
{
    await CareStream.Benchmarks.NormalizerKafkaThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CareStream.Benchmarks.ObservationJsonBenchmarks).Assembly).Run(args);
