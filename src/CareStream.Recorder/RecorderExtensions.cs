using CareStream.Messaging;
using CareStream.Storage.Alerts;
using Microsoft.Extensions.Hosting;

namespace CareStream.Recorder;

/// <summary>DI registration of the store role.</summary>
public static class RecorderExtensions
{
    /// <summary>Canonical observations → PostgreSQL, the registry topic → registry tables, alarm events → the alert store.</summary>
    public static IHostApplicationBuilder AddRecorder(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKafkaConsumer<ObservationStoreConsumer>(
            ObservationStoreConsumer.ConsumerName,
            topics => topics.Observations,
            o => o.MaxBatchSize = 5_000);
        builder.Services.AddKafkaConsumer<RegistryStoreConsumer>(RegistryStoreConsumer.ConsumerName, topics => topics.Assignments);
        builder.Services.AddAlarmStore();
        builder.Services.AddKafkaConsumer<AlarmStoreConsumer>(AlarmStoreConsumer.ConsumerName, topics => topics.Alerts);
        return builder;
    }
}
