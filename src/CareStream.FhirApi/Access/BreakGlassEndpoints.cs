using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareStream.Auth;
using CareStream.Auth.Access;
using CareStream.Auth.Audit;
using CareStream.Domain;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace CareStream.FhirApi.Access;

/// <summary>
/// <c>POST /api/break-glass {"patientId", "reason"}</c> (guide S5, A13): a clinician gains time-limited access to one
/// patient outside their wards by stating a reason. 201 with the grant's expiry; 400 OperationOutcome without a reason;
/// 401 without a user; 403 for non-clinicians; 404 for an unknown patient.
/// </summary>
public static class BreakGlassEndpoints
{
    public const string Path = "/api/break-glass";
    private const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapBreakGlass(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, GrantAsync);
        return endpoints;
    }

    private static async Task<IResult> GrantAsync(HttpContext http, IBreakGlassGrants grants, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var user = http.User;
        var subject = user.FindFirst(CareStreamClaims.Subject)?.Value;
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject))
        {
            return Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "A bearer token is required.");
        }

        if (!CareStreamRoles.Clinical.Any(role => user.HasClaim(CareStreamClaims.Role, role)))
        {
            return Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "Break-glass access is for clinicians.");
        }

        var (patientId, reason) = await ReadAsync(http.Request, cancellationToken);
        if (string.IsNullOrWhiteSpace(patientId) || !FhirReference.IsValidId(patientId))
        {
            return Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required, "patientId is required.");
        }

        http.SetAuditPatient(patientId); // the grant's audit event names the patient, refused ones included

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                $"A reason (1 to {MaxReasonLength} characters) is required for break-glass access.");
        }

        if (await registry.GetPatientAsync(new PatientId(patientId), cancellationToken) is null)
        {
            return Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Patient/{patientId} is not known.");
        }

        var grant = await grants.GrantAsync(subject, patientId, reason, cancellationToken);
        http.Items[FhirAccess.BreakGlassReasonItem] = grant.Reason;
        http.Items[FhirAccess.BreakGlassPatientItem] = grant.PatientId;
        var body = new JsonObject
        {
            ["patientId"] = grant.PatientId,
            ["expiresAt"] = grant.ExpiresAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<(string? PatientId, string? Reason)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }, cancellationToken);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? (null, null) : (Text(root, "patientId"), Text(root, "reason"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static FhirResult Error(int status, OperationOutcome.IssueType type, string diagnostics) =>
        OperationOutcomes.Result(status, type, diagnostics);
}
