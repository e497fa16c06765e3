using CareStream.Messaging;
using Microsoft.Extensions.Hosting;

namespace CareStream.Recorder;

/// <summary>DI registration of the store role.</summary>
public static class RecorderExtensions
{
    /// <summary>Canonical observations → PostgreSQL, and the registry topic → registry tables.</summary>
    public static IHostApplicationBuilder AddRecorder(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKafkaConsumer<ObservationStoreConsumer>(
            ObservationStoreConsumer.ConsumerName,
            topics => topics.Observations,
            o => o.MaxBatchSize = 5_000);
        builder.Services.AddKafkaConsumer<RegistryStoreConsumer>(RegistryStoreConsumer.ConsumerName, topics => topics.Assignments);
        return builder;
    }
}
