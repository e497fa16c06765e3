using System.Reflection;
using CareStream.Auth.Audit;
using CareStream.FhirApi.Audit;
using CareStream.Auth.Access;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Devices;
using CareStream.FhirApi.Flags;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Locations;
using CareStream.FhirApi.Metadata;
using CareStream.FhirApi.Observations;
using CareStream.FhirApi.Patients;
using CareStream.FhirApi.Scores;
using CareStream.FhirApi.Subscriptions;
using CareStream.Storage.Alerts;
using CareStream.Storage.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.FhirApi;

/// <summary>DI registration and endpoint mapping of the FHIR R4 REST API.</summary>
public static class FhirApiExtensions
{
    public const string BasePath = "/fhir";

    /// <summary>The absolute base of the FHIR API for links and fullUrls (<c>{scheme}://{host}{pathBase}/fhir</c>).</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
    }

    public static IHostApplicationBuilder AddFhirApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<FhirExceptionHandler>();
        builder.Services.AddAlarmStore();
        builder.Services.AddNotificationStore();
        builder.Services.AddCareStreamAuditSearch(); // GET /fhir/AuditEvent reads the audit trail
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddCareStreamWardAccess();
        builder.Services.TryAddSingleton<FhirAccessResolver>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var version = typeof(FhirApiExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var capabilities = CapabilityStatementFactory.Create(version, TimeProvider.System.GetUtcNow());
        endpoints.MapAlarmAnalytics();
        endpoints.MapBreakGlass();
        var fhir = endpoints.MapGroup(BasePath);
        fhir.MapGet("/metadata", () => new FhirResult(capabilities)).AllowAnonymous();
        fhir.MapObservationEndpoints();
        fhir.MapPatientEndpoints();
        fhir.MapNews2History();
        fhir.MapLocationEndpoints();
        fhir.MapDeviceEndpoints();
        fhir.MapFlagEndpoints();
        fhir.MapSubscriptionEndpoints();
        fhir.MapAuditEventEndpoints();
        fhir.MapFallback(() => OperationOutcomes.Result(
            StatusCodes.Status404NotFound, Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported, "This FHIR interaction is not supported here; see /fhir/metadata."));
        return endpoints;
    }
}
