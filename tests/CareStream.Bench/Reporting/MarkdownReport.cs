using System.Globalization;
using System.Text;
using CareStream.Bench.Measuring;

namespace CareStream.Bench.Reporting;

/// <summary>Renders a <see cref="BenchReport"/> as the Markdown that goes into docs/benchmarks.md.</summary>
public static class MarkdownReport
{
    private const double KeptUpDrainSeconds = 8;

    public static string Render(BenchReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var md = new StringBuilder();
        Line(md, $"### {r.Workload}: {r.Beds:N0} beds × 8 readings/s, {r.Dashboards:N0} dashboards, {r.DurationSeconds:0} s — exactly-once {(r.ExactlyOnce.Passed ? "PASSED" : "FAILED")}");
        md.AppendLine();
        Line(md, $"- Commit `{r.Commit}`, started {r.StartedAt:yyyy-MM-dd HH:mm} UTC; machine: {r.Machine}");
        Line(md, $"- Command: `{r.Command}`");
        Line(md, $"- Kafka: {r.Kafka}; PostgreSQL: {r.Postgres}; associations: {r.Registry}");
        Line(md, $"- Host settings beyond the defaults: {(r.HostSettings.Length == 0 ? "none (as shipped)" : $"`{r.HostSettings}`")}; the per-client rate limit is raised to 1,000,000/s so the closed loop measures the API, not the limiter");
        md.AppendLine();
        md.AppendLine("| Measure | Result |");
        md.AppendLine("|---|---|");
        Row(md, "Readings published (acked) / delivery failures", $"{r.PublishedReadings:N0} / {r.DeliveryFailures:N0}");
        Row(md, "Readings/s published (mean) → stored (mean over load + drain)", $"{r.PublishedReadingsPerSecond:N0} → {r.StoredReadingsPerSecond:N0}");
        // Committed offsets trail by up to one auto-commit period (5 s): a drain within that is "kept up".
        Row(md, "Kept up?", r switch
        {
            { Drained: true, DrainSeconds: <= KeptUpDrainSeconds } => $"yes: every group's committed offset reached the end {r.DrainSeconds:0.0} s after the load stopped",
            { Drained: true } => $"**no**: a backlog built up; it drained {r.DrainSeconds:0.0} s after the load stopped",
            _ => $"**no**: not drained {r.DrainSeconds:0} s after the load stopped",
        });
        Row(md, "Max consumer lag (messages) per group", string.Join("; ", r.MaxLagByGroup.Select(p => $"{p.Key}: {p.Value:N0}")));
        if (r.PrunedDeviceRecords > 0)
        {
            Row(md, "Device-topic records pruned by the mock cluster's 5 MB/partition cap (a loss only if unread: see the check)", $"{r.PrunedDeviceRecords:N0}");
        }

        Row(md, "Device → dashboard latency p50 / p99 / p99.9 / max", Latency(r.DashboardLatency) + $" ({r.DashboardLatency.Count:N0} updates in {r.DashboardFrames:N0} frames)");
        Row(md, $"Threshold crossings injected (HR 35/min, each on its own episode); raised alarms seen on topic / stored / at a dashboard; unexpected",
            $"{r.AlarmsInjected} ; {r.AlarmTopicLatency.Count} / {r.AlarmStoredLatency.Count} / {r.AlarmDashboardLatency.Count} ; {r.UnexpectedAlarms}");
        Row(md, "Threshold crossing → alarm on `carestream.alerts.v1` p50 / p99 / p99.9 / max", Latency(r.AlarmTopicLatency));
        Row(md, "Threshold crossing → alarm durably stored (`alarm_event` row committed; polled every 10 ms) p50 / p99 / p99.9 / max", Latency(r.AlarmStoredLatency));
        Row(md, "Threshold crossing → alarm at the dashboards p50 / p99 / p99.9 / max", Latency(r.AlarmDashboardLatency));
        if (r.FhirWarmUp is { } warm)
        {
            Row(md, $"FHIR warm-up ({warm.Latency.Count:N0} searches at {warm.TargetRate:N0} req/s, before the measured phase; completed {warm.CompletedRate:N0}/s, {warm.Errors} errors) p50 / p99 / p99.9 / max",
                Latency(warm.Latency));
        }

        if (r.FhirOpenLoop is { } open)
        {
            Row(md, $"FHIR last-60 search at {open.TargetRate:N0} req/s open loop (issued {open.IssuedRate:N0}/s, completed {open.CompletedRate:N0}/s, {open.Errors} errors) p50 / p99 / p99.9",
                $"{Ms(open.Latency.P50)} / {Ms(open.Latency.P99)} / {Ms(open.Latency.P999)}");
        }

        if (r.FhirClosedLoop is { } closed)
        {
            Row(md, $"FHIR last-60 searches/s, closed loop ({closed.Concurrency} workers, {closed.Errors} errors)", $"{closed.SearchesPerSecond:N0}/s");
        }

        Row(md, "Host CPU (% of one core; 200 % = both cores) mean / max", $"{r.HostCpuPercentMean:0} % / {r.HostCpuPercentMax:0} % (harness itself {r.HarnessCpuPercentMean:0} %; machine busy {r.MachineCpuPercentMean:0} % of all cores, every process incl. other work on the box)");
        Row(md, "Host RSS max", $"{r.HostRssMiBMax:N0} MiB");
        Row(md, "PostgreSQL bytes per reading (observation partitions, table + indexes)", $"{r.BytesPerReading:0.0} B ({r.ObservationBytes / 1048576.0:0.0} MiB / {r.ObservationRows:N0} rows; trend tier +{r.TrendBytes / 1048576.0:0.0} MiB)");
        Row(md, "Exactly-once check", $"{(r.ExactlyOnce.Passed ? "PASSED" : "**FAILED**")}: {r.ExactlyOnce.Published:N0} published, {r.ExactlyOnce.StoredRows:N0} rows, {r.ExactlyOnce.StoredDistinct:N0} distinct, {r.ExactlyOnce.Missing:N0} missing, {r.ExactlyOnce.Duplicated:N0} duplicated, {r.ExactlyOnce.Unexpected:N0} unexpected");
        return md.ToString();
    }

    private static string Latency(LatencySummary s) => s.Count == 0
        ? "no samples"
        : $"{Ms(s.P50)} / {Ms(s.P99)} / {Ms(s.P999)} / {Ms(s.Max)}";

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms";

    private static void Row(StringBuilder md, string measure, string result) => md.Append("| ").Append(measure).Append(" | ").Append(result).AppendLine(" |");

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);
}
