using System.Globalization;
using CareStream.Auth.Validation;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
        fhir.MapPut("/Observation/{id}", (string id, HttpRequest request, ObservationVersions versions, CancellationToken cancellationToken) =>
            UpdateAsync(id, request, versions, put: true, cancellationToken)).RequireAuthorization(CareStreamPolicies.Clinician);
        fhir.MapPatch("/Observation/{id}", (string id, HttpRequest request, ObservationVersions versions, CancellationToken cancellationToken) =>
            UpdateAsync(id, request, versions, put: false, cancellationToken)).RequireAuthorization(CareStreamPolicies.Clinician);
        return fhir;
    }

    private static async Task<IResult> ReadAsync(string id, ObservationVersions versions, CancellationToken cancellationToken) =>
        Result(await CurrentAsync(id, versions, cancellationToken));

    private static async Task<IResult> HistoryAsync(string id, HttpRequest request, ObservationVersions versions, CancellationToken cancellationToken)
    {
        var history = FhirReference.IsValidId(id) ? await versions.HistoryAsync(id, cancellationToken) : [];
        if (history.Count == 0)
        {
            throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? id : "?");
        }

        var resourceUrl = $"{FhirApiExtensions.BaseUrl(request)}/Observation/{id}";
        return new HistoryBundleResult(resourceUrl + "/_history", resourceUrl,
            [.. history.Select(v => (VersionedObservationRenderer.Render(v), v.VersionId, v.LastUpdated))]);
    }

    private static async Task<IResult> VersionReadAsync(string id, string vid, ObservationVersions versions, CancellationToken cancellationToken)
    {
        if (!int.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out var versionId))
        {
            throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? $"{id}/_history/?" : "?");
        }

        var history = FhirReference.IsValidId(id) ? await versions.HistoryAsync(id, cancellationToken) : [];
        var version = history.FirstOrDefault(v => v.VersionId == versionId)
            ?? throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? $"{id}/_history/{versionId}" : "?");
        return Result(version);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, ObservationVersions versions, bool put, CancellationToken cancellationToken)
    {
        var expected = ObservationUpdateRequest.ExpectedVersion(request);
        var current = await CurrentAsync(id, versions, cancellationToken);
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

    private static async Task<ObservationVersion> CurrentAsync(string id, ObservationVersions versions, CancellationToken cancellationToken) =>
        (FhirReference.IsValidId(id) ? await versions.CurrentAsync(id, cancellationToken) : null)
            ?? throw FhirRequestException.NotFound("Observation", FhirReference.IsValidId(id) ? id : "?");

    private static RawResourceResult Result(ObservationVersion version) =>
        new(VersionedObservationRenderer.Render(version), version.VersionId.ToString(CultureInfo.InvariantCulture), version.LastUpdated);

    private static FhirRequestException StaleVersion(int seen, int current) => new(
        StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict,
        $"If-Match names version {seen}, but the current version is {current}: read it again and repeat the verification.");
}
