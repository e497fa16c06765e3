using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CareStream.Bench.Load;
using CareStream.Bench.Measuring;
using CareStream.Bench.Reporting;
using CareStream.Messaging;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Bench.Running;

/// <summary>
/// One bench run: private PostgreSQL → real host process → ADT associations → SignalR dashboards → paced load with
/// alarm crossings, sampled every second → drain → FHIR search phases → sizes and the exactly-once check → report.
/// </summary>
public sealed class BenchRunner(BenchOptions options, string command, ILogger logger)
{
    private static readonly string[] DurableGroups = ["carestream-ingest-normalizer", "carestream-store-observations", "carestream-rules-evaluator"];

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var workload = options.Workload;
        Directory.CreateDirectory(options.OutputDirectory);
        var hostAssembly = options.HostAssembly ?? RunEnvironment.HostAssembly();
        Log.Starting(logger, hostAssembly, workload.Name, workload.Beds, workload.Dashboards, options.Duration.TotalSeconds);
        await using var database = await BenchDatabase.StartAsync(options.PostgresConnectionString, cancellationToken);
        await using var host = HostProcess.Start(hostAssembly, HostSettings.For(options, database), Path.Combine(options.OutputDirectory, "host.log"));
        await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        using var http = BenchTokens.Authorize(new HttpClient { BaseAddress = host.BaseAddress }, host.Tokens.Administrator());
        var system = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/system", UriKind.Relative), cancellationToken);
        var bootstrap = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
        var embeddedKafka = system.GetProperty("kafka").GetProperty("embedded").GetBoolean();
        Log.HostReady(logger, host.BaseAddress, host.ProcessId, bootstrap);

        var clock = new RunClock(TimeProvider.System);
        var beds = BenchBed.Plan(workload);
        var viaAdt = beds.Count <= options.AdtApiMaxBeds;
        if (viaAdt)
        {
            await AdtSeeder.SeedAsync(http, beds, clock.Now.AddMinutes(-5), cancellationToken);
        }
        else
        {
            await AssignmentPublisher.PublishAsync(bootstrap, beds, clock.Now.AddMinutes(-5), cancellationToken);
        }

        await WaitForRegistryAsync(database, beds.Count, cancellationToken);
        Log.Seeded(logger, beds.Count, viaAdt ? "the ADT API (/api/adt)" : "the assignments topic");

        var wards = beds.Select(b => b.Ward).Distinct(StringComparer.Ordinal).ToArray();
        await BenchStaff.AssignWardsAsync(database.ConnectionString, wards, cancellationToken);
        await using var dashboards = new DashboardClients(clock);
        await dashboards.ConnectAsync(host.BaseAddress, host.Tokens.Clinician(), workload.Dashboards, wards, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var alerts = new AlertTopicWatcher(clock);
        var alertsTask = alerts.RunAsync(bootstrap, Topics.Alerts, stop.Token);
        var store = new AlarmStoreWatcher(clock);
        var storeTask = store.RunAsync(database.ConnectionString, stop.Token);
        var liveGroup = $"carestream-live-{Environment.MachineName.ToLowerInvariant()}-{host.ProcessId}";
        using var lag = new LagMonitor(bootstrap, [
            (DurableGroups[0], Topics.DeviceObservations), (DurableGroups[1], Topics.Observations),
            (DurableGroups[2], Topics.Observations), (liveGroup, Topics.Observations)]);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // the alert watcher joins its partitions first

        var ledger = new PublishedLedger();
        var generator = new LoadGenerator(beds, clock, ledger, options.AlarmCrossings ?? LoadGenerator.DefaultCrossings(options.Duration, options.WarmUp), options.WarmUp);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 1, // performance.md: linger.ms ≤ 1 on latency-critical topics
        }).Build();
        Log.LoadStarting(logger, Math.Max(workload.Dashboards, wards.Length), wards.Length);
        clock.MarkStart();
        var sampler = new TimelineSampler(clock, lag, database, host.ProcessId,
            second => generator.PublishedPerSecond.TryGetValue(second, out var n) ? n : 0);
        var samplerTask = sampler.RunAsync(stop.Token);
        var progress = ReportProgressAsync(sampler, stop.Token);
        await generator.RunAsync(producer, Topics.DeviceObservations, options.Duration, cancellationToken);
        var loadEnded = clock.Elapsed;
        var drained = await WaitForDrainAsync(sampler, loadEnded, clock, cancellationToken);
        var drainSeconds = (clock.Elapsed - loadEnded).TotalSeconds;
        Log.Drained(logger, drained, drainSeconds);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // last frames and alarms in flight
        var pruned = lag.PrunedRecords(Topics.DeviceObservations);
        await stop.CancelAsync();
        await Task.WhenAll(samplerTask, alertsTask, storeTask, progress);

        Log.FhirPhase(logger, options.FhirRate, options.FhirConcurrency);
        var fhir = new FhirProbe(host.BaseAddress, host.Tokens.Clinician(), beds);
        var warmUp = options.FhirWarmUp > TimeSpan.Zero
            ? await fhir.OpenLoopAsync(options.FhirRate, options.FhirWarmUp, cancellationToken)
            : null;
        var open = await fhir.OpenLoopAsync(options.FhirRate, options.FhirPhase, cancellationToken);
        var closed = await fhir.ClosedLoopAsync(options.FhirConcurrency, options.FhirPhase, cancellationToken);

        var sizes = await database.SizesAsync(cancellationToken);
        var check = await ExactlyOnceCheck.RunAsync(database.ConnectionString, beds, ledger.Snapshot(), cancellationToken);
        Log.Checked(logger, check.Passed ? "PASSED" : "FAILED", check.Published, check.StoredRows, check.Missing, check.Duplicated, check.Unexpected);

        var timeline = sampler.Samples;
        var injections = generator.Injections;
        var loadSamples = timeline.Where(s => s.Second < (int)options.Duration.TotalSeconds).ToArray();
        return new BenchReport
        {
            Workload = workload.Name,
            Beds = workload.Beds,
            Dashboards = Math.Max(workload.Dashboards, wards.Length),
            DurationSeconds = options.Duration.TotalSeconds,
            Commit = RunEnvironment.Commit(),
            Machine = RunEnvironment.Machine(),
            Command = command,
            Kafka = embeddedKafka ? $"embedded librdkafka mock cluster in the host process ({bootstrap})" : bootstrap,
            Registry = viaAdt ? "ADT API (/api/adt: bed, associate, admit)" : "published to carestream.assignments.v1",
            HostSettings = string.Join(' ', options.HostSettings.Select(p => $"{p.Key}={p.Value}")),
            Postgres = database.IsPrivate ? "private PostgreSQL 15 cluster on the box, started by the harness" : "given connection string",
            StartedAt = clock.Start,
            PublishedReadings = ledger.ReadingCount(),
            DeliveryFailures = ledger.Failed,
            PublishedReadingsPerSecond = ledger.ReadingCount() / options.Duration.TotalSeconds,
            StoredReadingsPerSecond = check.StoredRows / (loadEnded.TotalSeconds + drainSeconds),
            DrainSeconds = drainSeconds,
            Drained = drained,
            MaxLagByGroup = lag.Groups.ToDictionary(g => g, g => timeline.Select(s => s.LagByGroup.GetValueOrDefault(g)).DefaultIfEmpty(0).Max(), StringComparer.Ordinal),
            PrunedDeviceRecords = pruned,
            DashboardLatency = dashboards.Latency.Summarize((int)options.WarmUp.TotalSeconds),
            DashboardFrames = dashboards.Frames,
            AlarmsInjected = injections.Count,
            AlarmTopicLatency = AlarmMatcher.Match(injections, alerts.Raised),
            AlarmStoredLatency = AlarmMatcher.Match(injections, store.Raised),
            AlarmDashboardLatency = AlarmMatcher.Match(injections, dashboards.Alarms),
            UnexpectedAlarms = AlarmMatcher.Unexpected(injections, alerts.Raised),
            AlarmSamples = AlarmSample.Of(injections, clock, alerts.Raised, store.Raised, dashboards.Alarms),
            FhirWarmUp = warmUp,
            FhirOpenLoop = open,
            FhirClosedLoop = closed,
            HostCpuPercentMean = loadSamples.Select(s => s.HostCpuPercent).DefaultIfEmpty(0).Average(),
            HostCpuPercentMax = loadSamples.Select(s => s.HostCpuPercent).DefaultIfEmpty(0).Max(),
            HostRssMiBMax = timeline.Select(s => s.HostRssMiB).DefaultIfEmpty(0).Max(),
            MachineCpuPercentMean = loadSamples.Select(s => s.MachineCpuPercent).DefaultIfEmpty(0).Average(),
            HarnessCpuPercentMean = loadSamples.Select(s => s.HarnessCpuPercent).DefaultIfEmpty(0).Average(),
            ObservationBytes = sizes.ObservationBytes,
            TrendBytes = sizes.TrendBytes,
            ObservationRows = sizes.Rows,
            ExactlyOnce = check,
            Timeline = timeline,
            LatencyPerSecond = dashboards.Latency.PerSecond(),
        };
    }

    private async Task WaitForRegistryAsync(BenchDatabase database, int beds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (await database.AssignedBenchDevicesAsync(cancellationToken) < beds)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                Log.RegistrySlow(logger, beds, clock.Elapsed.TotalSeconds);
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        // The normalizer's registry cache reads the same topic as the store: give it a moment beyond the database.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    private async Task<bool> WaitForDrainAsync(TimelineSampler sampler, TimeSpan loadEnded, RunClock clock, CancellationToken cancellationToken)
    {
        var endSecond = (int)Math.Ceiling(loadEnded.TotalSeconds);
        while (clock.Elapsed - loadEnded < options.DrainTimeout)
        {
            await Task.Delay(500, cancellationToken);
            var samples = sampler.Samples;
            if (samples.Count > 0 && samples[^1].Second >= endSecond && DurableGroups.All(g => samples[^1].LagByGroup.GetValueOrDefault(g, -1) == 0))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ReportProgressAsync(TimelineSampler sampler, CancellationToken cancellationToken)
    {
        var reported = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                var samples = sampler.Samples;
                if (samples.Count > reported && samples[^1] is { } s)
                {
                    reported = samples.Count;
                    var lags = string.Join(", ", s.LagByGroup.Select(p => $"{p.Key.Replace("carestream-", string.Empty, StringComparison.Ordinal)}={p.Value}"));
                    Log.Progress(logger, s.Second, s.PublishedReadings, s.StoredRows, lags, s.HostCpuPercent, s.HostRssMiB);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
