using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Domain.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.Ingestion.Registry;

/// <summary>
/// The ADT-style association registry API under <c>/api/adt</c>: beds, admit, transfer, discharge, device
/// (dis)association. Each command answers 202 with the records it published (durable on the assignments topic;
/// every role's cache and the database follow asynchronously). Errors are ProblemDetails.
/// </summary>
public static class AdtEndpoints
{
    public const string BasePath = "/api/adt";

    public static IEndpointRouteBuilder MapAdtEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var adt = endpoints.MapGroup(BasePath).RequireAuthorization(CareStreamPolicies.Administrator);
        adt.MapPost("/beds", (RegisterBedRequest r, AdtService adt, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("wardId", r.WardId).Text("wardName", r.WardName).Id("bedId", r.BedId).Text("label", r.Label),
            () => adt.RegisterBedAsync(new BedLocation(new WardId(r.WardId!), r.WardName!, new BedId(r.BedId!), r.Label!), ct)));
        adt.MapPost("/admit", (AdmitRequest r, AdtService adt, TimeProvider clock, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("patientId", r.PatientId).Text("medicalRecordNumber", r.MedicalRecordNumber, 64)
                .Text("familyName", r.FamilyName).Text("givenName", r.GivenName).BirthDate("birthDate", r.BirthDate, clock.GetUtcNow())
                .Gender("gender", r.Gender).Id("bedId", r.BedId).Effective("effectiveAt", r.EffectiveAt),
            () => adt.AdmitAsync(
                new PatientDemographics(new PatientId(r.PatientId!), r.MedicalRecordNumber!, r.FamilyName!, r.GivenName!, r.BirthDate!.Value, r.Gender!),
                new BedId(r.BedId!), r.EffectiveAt!.Value, ct)));
        adt.MapPost("/transfer", (TransferRequest r, AdtService adt, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("patientId", r.PatientId).Id("bedId", r.BedId).Effective("effectiveAt", r.EffectiveAt),
            () => adt.TransferAsync(new PatientId(r.PatientId!), new BedId(r.BedId!), r.EffectiveAt!.Value, ct)));
        adt.MapPost("/discharge", (DischargeRequest r, AdtService adt, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("patientId", r.PatientId).Effective("effectiveAt", r.EffectiveAt),
            () => adt.DischargeAsync(new PatientId(r.PatientId!), r.EffectiveAt!.Value, ct)));
        adt.MapPost("/devices/{deviceId}/associate", (string deviceId, AssociateDeviceRequest r, AdtService adt, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("deviceId", deviceId).Id("bedId", r.BedId).Effective("effectiveAt", r.EffectiveAt),
            () => adt.AssociateDeviceAsync(new DeviceId(deviceId), new BedId(r.BedId!), r.EffectiveAt!.Value, ct)));
        adt.MapPost("/devices/{deviceId}/dissociate", (string deviceId, DissociateDeviceRequest r, AdtService adt, CancellationToken ct) => RunAsync(
            new AdtValidation().Id("deviceId", deviceId).Effective("effectiveAt", r.EffectiveAt),
            () => adt.DissociateDeviceAsync(new DeviceId(deviceId), r.EffectiveAt!.Value, ct)));
        return endpoints;
    }

    private static async Task<IResult> RunAsync(AdtValidation validation, Func<Task<AdtResponse>> command)
    {
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, "The request has invalid fields; nothing was changed.");
        }

        try
        {
            return TypedResults.Accepted((string?)null, await command());
        }
        catch (AdtException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.StatusCode, title: ex.Title);
        }
    }
}
