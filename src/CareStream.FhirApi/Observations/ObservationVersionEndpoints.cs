using System.Globalization;
using CareStream.Auth.Validation;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using CareStream.Storage.Registry;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Versioned Observation interactions (ADR adr-2611-observation-verification): read with <c>meta.versionId</c> and
/// <c>ETag</c>, vread <c>GET /Observation/{id}/_history/{vid}</c>, history <c>GET /Observation/{id}/_history</c>, and
/// verification by <c>PUT</c> (whole resource) or <c>PATCH</c> (JSON Patch), honouring <c>If-Match</c> (412 on a
/// stale version).
/// </summary>
public static class ObservationVersionEndpoints
{
    public static IEndpointRouteBuilder MapObservationVersionEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Observation/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Observation/{id}/_history", HistoryAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Observation/{id}/_history/{vid}", VersionReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapPut("/Observation/{id}", (string id, HttpContext http, ObservationVersions versions, CancellationToken cancellationToken) =>
            UpdateAsync(id, http, versions, put: true, cancellationToken)).RequireAuthorization(CareStreamPolicies.Clinician);
        fhir.MapPatch("/Observation/{id}", (string id, HttpContext http, ObservationVersions versions, CancellationToken cancellationToken) =>
            UpdateAsync(id, http, versions, put: false, cancellationToken)).RequireAuthorization(CareStreamPolicies.Clinician);
        return fhir;
    }

    private static async Task<IResult> ReadAsync(string id, HttpContext http, ObservationVersions versions, CancellationToken cancellationToken) =>
        Result(await CurrentAsync(id, http, SmartInteraction.Read, versions, cancellationToken));

    private static async Task<IResult> HistoryAsync(string id, HttpContext http, ObservationVersions versions, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var access = await Resolve(http).ResolveAsync(http, "Observation", SmartInteraction.Read);
        var history = FhirReference.IsValidId(id) ? await versions.HistoryAsync(id, cancellationToken) : [];
        if (history.Count == 0 || !await MaySeeAsync(access, history[0], http, cancellationToken))
        {
            throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? id : "?");
        }

        var resourceUrl = $"{FhirApiExtensions.BaseUrl(request)}/Observation/{id}";
        return new HistoryBundleResult(resourceUrl + "/_history", resourceUrl,
            [.. history.Select(v => (VersionedObservationRenderer.Render(v), v.VersionId, v.LastUpdated))]);
    }

    private static async Task<IResult> VersionReadAsync(string id, string vid, HttpContext http, ObservationVersions versions, CancellationToken cancellationToken)
    {
        var access = await Resolve(http).ResolveAsync(http, "Observation", SmartInteraction.Read);
        if (!int.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out var versionId))
        {
            throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? $"{id}/_history/?" : "?");
        }

        var history = FhirReference.IsValidId(id) ? await versions.HistoryAsync(id, cancellationToken) : [];
        var version = history.FirstOrDefault(v => v.VersionId == versionId);
        version = version is not null && await MaySeeAsync(access, version, http, cancellationToken) ? version : null;
        return version is null
            ? throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? $"{id}/_history/{versionId}" : "?")
            : Result(version);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, ObservationVersions versions, bool put, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var expected = ObservationUpdateRequest.ExpectedVersion(request);
        // Verification checks the read scope and ward access: no issued token carries Observation.u yet (see the PR notes).
        var current = await CurrentAsync(id, http, SmartInteraction.Read, versions, cancellationToken);
        var (status, reason) = put
            ? await ObservationUpdateRequest.ReadPutAsync(request, id, current, cancellationToken)
            : await ObservationUpdateRequest.ReadPatchAsync(request, current, cancellationToken);
        if (expected is { } seen && seen != current.VersionId)
        {
            throw StaleVersion(seen, current.VersionId);
        }

        StatusTransitions.Check(current.Rows[0].Status, current.Reason, status, reason);
        var (outcome, latest) = await versions.ChangeStatusAsync(new StatusChange(id, status, reason, expected ?? current.VersionId), cancellationToken);
        return outcome switch
        {
            StatusChangeOutcome.Changed or StatusChangeOutcome.Unchanged => Result(latest!),
            StatusChangeOutcome.VersionConflict => throw StaleVersion(expected ?? current.VersionId, latest!.VersionId),
            _ => throw FhirRequestException.NotFound("Observation", id),
        };
    }

    private static async Task<ObservationVersion> CurrentAsync(
        string id, HttpContext http, SmartInteraction interaction, ObservationVersions versions, CancellationToken cancellationToken)
    {
        var access = await Resolve(http).ResolveAsync(http, "Observation", interaction);
        var current = FhirReference.IsValidId(id) ? await versions.CurrentAsync(id, cancellationToken) : null;
        return current is not null && await MaySeeAsync(access, current, http, cancellationToken)
            ? current
            : throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? id : "?");
    }

    // A foreign Observation (another ward, another launch patient, a kind outside the scope) is "not known": 404.
    private static async Task<bool> MaySeeAsync(FhirAccess access, ObservationVersion version, HttpContext http, CancellationToken cancellationToken) =>
        access.AllowsKind(version.Rows[0].Kind)
        && await access.MaySeeAsync(version.Rows[0].Patient, http.RequestServices.GetRequiredService<RegistryQueries>(), http, cancellationToken);

    private static FhirAccessResolver Resolve(HttpContext http) => http.RequestServices.GetRequiredService<FhirAccessResolver>();

    private static RawResourceResult Result(ObservationVersion version) =>
        new(VersionedObservationRenderer.Render(version), version.VersionId.ToString(CultureInfo.InvariantCulture), version.LastUpdated);

    private static FhirRequestException StaleVersion(int seen, int current) => new(
        StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict,
        $"If-Match names version {seen}, but the current version is {current}: read it again and repeat the verification.");
}
