using System.Security.Cryptography;
using System.Text.Json;
using CareStream.Auth.Validation;
using CareStream.FhirApi.Http;
using CareStream.Storage.Notifications;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Subscriptions;

/// <summary>
/// R4 rest-hook Subscriptions on Flag: <c>POST /fhir/Subscription</c>, <c>GET /fhir/Subscription/{id}</c>,
/// <c>DELETE /fhir/Subscription/{id}</c> and <c>GET /fhir/Subscription?status=&amp;_count=</c>. Delivery is the notify role's.
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>A Subscription is small; anything bigger is refused before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int DefaultCount = 50;
    private const int MaxCount = 500;

    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder fhir)
    {
        // Rest-hooks carry patient data to another system: set up by administrators (integrations), not per clinician,
        // so notifications cannot be pointed at another ward's alarms (guide S4).
        fhir.MapPost("/Subscription", CreateAsync).RequireAuthorization(CareStreamPolicies.Administrator);
        fhir.MapGet("/Subscription", SearchAsync).RequireAuthorization(CareStreamPolicies.Administrator);
        fhir.MapGet("/Subscription/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.Administrator);
        fhir.MapDelete("/Subscription/{id}", DeleteAsync).RequireAuthorization(CareStreamPolicies.Administrator);
        return fhir;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new FhirRequestException(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, $"A Subscription is at most {MaxBodyBytes} bytes.");
        }

        var subscription = await ReadBodyAsync(request, cancellationToken);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var entity = SubscriptionRequest.ToEntity(subscription, Guid.NewGuid().ToString("N"), secret);
        await store.CreateAsync(entity, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{FhirApiExtensions.BaseUrl(request)}/Subscription/{entity.Id}";
        return new FhirResult(SubscriptionMapper.ToResource(entity, includeSecret: true), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReadAsync(string id, SubscriptionStore store, CancellationToken cancellationToken)
    {
        var entity = await store.FindAsync(id, cancellationToken) ?? throw FhirRequestException.NotFound("Subscription", id);
        return entity.DeletedAt is null
            ? new FhirResult(SubscriptionMapper.ToResource(entity))
            : OperationOutcomes.Result(StatusCodes.Status410Gone, OperationOutcome.IssueType.Deleted, $"Subscription/{id} was deleted.");
    }

    private static async Task<IResult> DeleteAsync(string id, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken) && await store.FindAsync(id, cancellationToken) is null)
        {
            throw FhirRequestException.NotFound("Subscription", id);
        }

        return Results.NoContent(); // deleting a deleted subscription is not an error (idempotent, as R4 allows)
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken)
    {
        foreach (var key in request.Query.Keys.Where(k => k is not ("status" or "_count")))
        {
            throw FhirRequestException.InvalidParameter(key, "not supported on Subscription (status, _count).");
        }

        SubscriptionState? status = (string?)request.Query["status"] switch
        {
            null => null,
            "requested" => SubscriptionState.Requested,
            "active" => SubscriptionState.Active,
            "error" => SubscriptionState.Error,
            "off" => SubscriptionState.Off,
            var other => throw FhirRequestException.InvalidParameter("status", $"'{other}' is not requested, active, error or off."),
        };
        var count = (string?)request.Query["_count"] is { } text
            ? int.TryParse(text, out var n) && n >= 1 ? Math.Min(n, MaxCount) : throw FhirRequestException.InvalidParameter("_count", "must be a positive integer.")
            : DefaultCount;
        var rows = await store.SearchAsync(status, count, cancellationToken);
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        var entries = rows.Select(r => ($"{baseUrl}/Subscription/{r.Id}", (ReadOnlyMemory<byte>)CareStream.Fhir.Mapping.FhirJson.SerializeToUtf8Bytes(SubscriptionMapper.ToResource(r)))).ToList();
        return new SearchsetBundleResult(baseUrl + "/Subscription" + request.QueryString, null, entries.Count, entries);
    }

    private static async Task<Subscription> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new FhirRequestException(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, $"A Subscription is at most {MaxBodyBytes} bytes.");
        }

        try
        {
            return CareStream.Fhir.Mapping.FhirJson.Deserialize<Subscription>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception ex) when (ex is JsonException or Hl7.Fhir.Serialization.DeserializationFailedException or InvalidCastException)
        {
            throw new FhirRequestException("The body is not a valid FHIR R4 Subscription (application/fhir+json): " + ex.Message, ex);
        }
    }
}
