using CareStream.Fhir.Ingress;
using CareStream.Ingestion.Hl7;
using CareStream.Ingestion.Http;
using CareStream.Ingestion.Normalization;
using CareStream.Ingestion.Registry;
using CareStream.Messaging;
using CareStream.Messaging.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Ingestion;

/// <summary>DI registration of the ingest role.</summary>
public static class IngestionExtensions
{
    /// <summary>The normalizer: device ingress → canonical observations (+ dead letters).</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRegistry();
        builder.Services.AddOptions<NormalizerOptions>()
            .BindConfiguration(NormalizerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new DeviceObservationParser(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddScoped<ReadingNormalizer>();
        builder.Services.AddKafkaConsumer<DeviceObservationConsumer>(
            DeviceObservationConsumer.ConsumerName, topics => topics.DeviceObservations,
            o => o.MaxBatchLatency = TimeSpan.Zero); // alarm path: greedy batches (ADR adr-2611-alarm-path-batching)
        builder.AddMllpListener(); // IHE PCD-01 over MLLP (Hl7/), options Ingestion:Mllp
        builder.Services.TryAddSingleton<ObservationIngestService>();
        builder.Services.TryAddSingleton<AdtService>();
        return builder;
    }

    /// <summary>The ingest role's HTTP surface: FHIR Observation/Bundle ingest and the ADT registry API.</summary>
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapObservationIngestEndpoints();
        endpoints.MapAdtEndpoints();
        return endpoints;
    }
}
