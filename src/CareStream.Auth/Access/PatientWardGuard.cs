using System.Security.Claims;
using CareStream.Auth.Audit;
using CareStream.Domain;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Auth.Access;

/// <summary>
/// Ward-based access (guide S4) for the clinician APIs outside FHIR: a route with <c>{patientId}</c> (alarm commands,
/// charting, limits) answers 404 unless the patient is currently in one of the caller's wards or under the caller's
/// active break-glass grant; a request naming a ward (what-if, analytics) answers 403 for a foreign ward. Administrators
/// and backend clients are not ward-bound. The same <see cref="IWardAccess"/> decides for FHIR and SignalR.
/// </summary>
public static class PatientWardGuard
{
    /// <summary>Adds the patient check to every endpoint of <paramref name="builder"/> whose route has <c>{patientId}</c>.</summary>
    public static TBuilder RequirePatientInCallersWards<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues["patientId"] is string patient && !string.IsNullOrWhiteSpace(patient))
            {
                http.SetAuditPatient(patient);
                if (!await MaySeePatientAsync(http, new PatientId(patient)))
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
                }
            }

            return await next(context);
        });
        return builder;
    }

    /// <summary>Whether the caller may see <paramref name="patient"/> now (its ward, or a break-glass grant).</summary>
    public static async Task<bool> MaySeePatientAsync(HttpContext http, PatientId patient)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var scope = await services.GetRequiredService<IWardAccess>().ScopeOfAsync(http.User, http.RequestAborted);
        if (scope.AllWards)
        {
            return true;
        }

        var grants = await GrantedPatientsAsync(http.User, services, http.RequestAborted);
        var access = new PatientAccess { Wards = scope.Wards, Patients = grants };
        return await services.GetRequiredService<RegistryQueries>().MaySeeAsync(patient, access, http.RequestAborted);
    }

    /// <summary>Whether the caller may see <paramref name="wardId"/> (a null ward means "all wards": administrators only).</summary>
    public static async Task<bool> MaySeeWardAsync(HttpContext http, string? wardId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var scope = await http.RequestServices.GetRequiredService<IWardAccess>().ScopeOfAsync(http.User, http.RequestAborted);
        return scope.AllWards || (wardId is not null && scope.Allows(wardId));
    }

    private static async Task<string[]> GrantedPatientsAsync(ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var subject = user.FindFirst(CareStreamClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(subject) || services.GetService<IBreakGlassGrants>() is not { } grants)
        {
            return [];
        }

        var active = await grants.ActiveAsync(subject, cancellationToken);
        return [.. active.Select(g => g.PatientId)];
    }
}
