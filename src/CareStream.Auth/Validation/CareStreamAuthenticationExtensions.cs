using CareStream.Auth.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.Validation;

public static class CareStreamAuthenticationExtensions
{
    /// <summary>
    /// Bearer validation for every API (guide S2, S12): JwtBearer as the default scheme with an explicit issuer and
    /// audience, asymmetric algorithms only, a small clock skew, no inbound claim mapping, and the SignalR
    /// <c>access_token</c> query parameter honoured only under <c>/hubs/</c>. Keys come from the embedded server's key
    /// store, or from the external authority's discovery document when <c>Auth:Authority</c> is set.
    /// Adds authorization with the <see cref="CareStreamPolicies"/>; it does not require authentication anywhere by itself.
    /// </summary>
    public static IServiceCollection AddCareStreamAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCareStreamAuthOptions();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearerOptions>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization(CareStreamPolicies.Configure);
        return services;
    }

    /// <summary>Options (validated at start) and the development key store; shared by validation and the embedded server.</summary>
    internal static IServiceCollection AddCareStreamAuthOptions(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
            new DevelopmentKeyStore(sp.GetRequiredService<IOptions<AuthOptions>>().Value.DataDirectory ?? DevelopmentKeyStore.DefaultDirectory()));
        return services;
    }
}
