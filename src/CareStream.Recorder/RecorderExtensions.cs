using CareStream.Fhir.Ingress;
using CareStream.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Recorder;

/// <summary>DI registration of the store role.</summary>
public static class RecorderExtensions
{
    /// <summary>Canonical observations → PostgreSQL, the registry topic → registry tables, held unassociated readings → their table.</summary>
    public static IHostApplicationBuilder AddRecorder(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKafkaConsumer<ObservationStoreConsumer>(
            ObservationStoreConsumer.ConsumerName,
            topics => topics.Observations,
            o => o.MaxBatchSize = 5_000);
        builder.Services.AddKafkaConsumer<RegistryStoreConsumer>(RegistryStoreConsumer.ConsumerName, topics => topics.Assignments);
        builder.Services.TryAddSingleton(sp => new DeviceObservationParser(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddKafkaConsumer<UnassociatedReadingStoreConsumer>(
            UnassociatedReadingStoreConsumer.ConsumerName, topics => topics.UnassociatedObservations);
        return builder;
    }
}
