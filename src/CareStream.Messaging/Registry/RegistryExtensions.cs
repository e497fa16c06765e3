using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.Registry;

/// <summary>DI registration of the in-memory registry every role that attributes or places readings needs.</summary>
public static class RegistryExtensions
{
    /// <summary>Registers <see cref="RegistryDirectory"/> and its <see cref="RegistryFeed"/> once, however many roles ask.</summary>
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMessaging();
        if (builder.Services.Any(d => d.ServiceType == typeof(RegistryFeed)))
        {
            return builder;
        }

        builder.Services.TryAddSingleton<RegistryDirectory>();
        builder.Services.AddSingleton<RegistryFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RegistryFeed>());
        return builder;
    }
}
