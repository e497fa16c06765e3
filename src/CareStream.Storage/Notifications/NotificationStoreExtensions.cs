using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareStream.Storage.Notifications;

/// <summary>DI registration of the subscription and delivery tables (needs <see cref="StorageExtensions.AddStorage(IServiceCollection)"/>).</summary>
public static class NotificationStoreExtensions
{
    /// <summary>Registers <see cref="SubscriptionStore"/> and <see cref="DeliveryLog"/> (idempotent; api and notify roles both call it).</summary>
    public static IServiceCollection AddNotificationStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<DeliveryLog>();
        return services;
    }
}
