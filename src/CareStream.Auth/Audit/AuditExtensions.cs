using CareStream.Auth.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareStream.Auth.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The audit trail (guide S6): <see cref="AuditTrail"/> (bounded queue), the <see cref="AuditBatchWriter"/> hosted
    /// service, <see cref="AuditEventStore"/> and <see cref="AuditEventQueries"/> on the CareStream database (needs
    /// <c>AddStorage()</c>). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddCareStreamAudit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthDbContextFactory();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditEventStore>();
        services.AddCareStreamAuditSearch();
        if (services.All(d => d.ServiceType != typeof(AuditTrail)))
        {
            services.AddSingleton<AuditTrail>();
            services.AddSingleton<AuditBatchWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<AuditBatchWriter>());
        }

        return services;
    }

    /// <summary><see cref="AuditEventQueries"/> alone (the AuditEvent search), resolved on first use.</summary>
    public static IServiceCollection AddCareStreamAuditSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthDbContextFactory();
        services.TryAddSingleton<AuditEventQueries>();
        return services;
    }

    /// <summary>
    /// The audit middleware: call right after <c>UseAuthentication()</c> and before <c>UseAuthorization()</c>, so the
    /// caller is known and authorization's 401/403 answers are recorded.
    /// </summary>
    public static IApplicationBuilder UseCareStreamAudit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<AuditMiddleware>();
    }
}
