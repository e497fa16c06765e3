using CareStream.Messaging.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Ingestion.Hl7;

/// <summary>DI registration of the IHE PCD-01 MLLP adapter.</summary>
public static class MllpExtensions
{
    /// <summary>
    /// The MLLP listener (<c>Ingestion:Mllp</c>, validated on start) publishing to the device ingress topic.
    /// Needs AddMessaging and the registry (the ingest role registers both).
    /// </summary>
    public static IHostApplicationBuilder AddMllpListener(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRegistry();
        builder.Services.AddOptions<MllpOptions>()
            .BindConfiguration(MllpOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IDeviceObservationPublisher, KafkaDeviceObservationPublisher>();
        builder.Services.TryAddSingleton<Pcd01MessageHandler>();
        builder.Services.TryAddSingleton<MllpListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());
        return builder;
    }
}
