using CareStream.Fhir.Ingress;
using CareStream.Messaging;
using CareStream.Storage.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Recorder;

/// <summary>DI registration of the store role.</summary>
public static class RecorderExtensions
{
    /// <summary>Canonical observations → PostgreSQL, the registry topic → registry tables, alarm events → the alert store,
    /// held unassociated readings → their table, limits commands → the limit-change audit, NEWS2 outcomes → the
    /// append-only NEWS2 history.</summary>
    public static IHostApplicationBuilder AddRecorder(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKafkaConsumer<ObservationStoreConsumer>(
            ObservationStoreConsumer.ConsumerName,
            topics => topics.Observations,
            // Batches fill only under backlog (20 ms batch latency); then 10,000 rows per durable commit write ~1.5×
            // faster than 5,000 (docs/benchmarks.md, "Store write").
            o => o.MaxBatchSize = 10_000);
        builder.Services.AddKafkaConsumer<RegistryStoreConsumer>(RegistryStoreConsumer.ConsumerName, topics => topics.Assignments);
        builder.Services.AddAlarmStore();
        builder.Services.AddKafkaConsumer<AlarmStoreConsumer>(
            AlarmStoreConsumer.ConsumerName, topics => topics.Alerts,
            o => o.MaxBatchLatency = TimeSpan.Zero); // alarm path: greedy batches (ADR adr-2611-alarm-path-batching)
        // Audit of per-patient limit overrides (limits commands; the other command types are skipped).
        builder.Services.AddKafkaConsumer<LimitChangeStoreConsumer>(LimitChangeStoreConsumer.ConsumerName, topics => topics.PatientCommands);
        builder.Services.TryAddSingleton(sp => new DeviceObservationParser(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddKafkaConsumer<UnassociatedReadingStoreConsumer>(
            UnassociatedReadingStoreConsumer.ConsumerName, topics => topics.UnassociatedObservations);
        builder.Services.AddKafkaConsumer<ScoreStoreConsumer>(ScoreStoreConsumer.ConsumerName, topics => topics.PatientScores);
        return builder;
    }
}
