using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareStream.Storage.Alerts;

/// <summary>DI registration of the alert store (needs <see cref="StorageExtensions.AddStorage(IServiceCollection)"/>).</summary>
public static class AlarmStoreExtensions
{
    /// <summary>Registers <see cref="AlarmEventWriter"/>, <see cref="AlarmQueries"/> <see cref="AlarmAnalytics"/> and the limit-change audit <see cref="Limits.PatientLimitChangeStore"/> (idempotent; store and API roles both call it).</summary>
    public static IServiceCollection AddAlarmStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<AlarmEventWriter>();
        services.TryAddSingleton<AlarmQueries>();
        services.TryAddSingleton<AlarmAnalytics>();
        services.TryAddSingleton<Limits.PatientLimitChangeStore>();
        return services;
    }
}
