using CareStream.Auth.Data;
using CareStream.Auth.Validation;
using CareStream.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareStream.Auth.Access;

public static class WardAccessExtensions
{
    /// <summary>
    /// Registers <see cref="IWardAccess"/> and <see cref="IBreakGlassGrants"/> backed by the staff accounts (needs <c>AddStorage()</c> for the database).
    /// Safe to call from every role that serves patient data (api, live) and together with the embedded server.
    /// </summary>
    public static IServiceCollection AddCareStreamWardAccess(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthDbContextFactory();
        services.AddCareStreamAuthOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StaffWardAccess>();
        services.TryAddSingleton<IWardAccess>(sp => sp.GetRequiredService<StaffWardAccess>());
        services.TryAddSingleton<IBreakGlassGrants, BreakGlassGrants>();
        return services;
    }

    /// <summary>The <see cref="AuthDbContext"/> factory on the CareStream database, registered once.</summary>
    internal static IServiceCollection AddAuthDbContextFactory(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IDbContextFactory<AuthDbContext>)))
        {
            return services;
        }

        return services.AddDbContextFactory<AuthDbContext>((sp, options) =>
            AuthDatabase.Configure(options, sp.GetRequiredService<IDatabaseEndpoint>().ConnectionString));
    }
}
