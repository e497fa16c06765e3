using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace CareStream.Auth.Validation;

/// <summary>
/// Under <c>/fhir</c> a refused request gets a FHIR OperationOutcome body (401 <c>login</c>, 403 <c>forbidden</c>) besides
/// the status and the <c>WWW-Authenticate: Bearer</c> challenge, so FHIR clients see the same error shape everywhere.
/// No token detail is echoed (<see cref="JwtBearerOptions.IncludeErrorDetails"/> stays off).
/// </summary>
internal static class FhirAuthOutcomes
{
    private const string FhirPath = "/fhir";

    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        if (!context.Request.Path.StartsWithSegments(FhirPath, StringComparison.OrdinalIgnoreCase) || context.Response.HasStarted)
        {
            return;
        }

        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.Error is null ? "Bearer" : $"Bearer error=\"{context.Error}\"";
        await WriteAsync(context.Response, "login", "A valid bearer token is required.");
    }

    public static Task ForbiddenAsync(ForbiddenContext context) =>
        context.Request.Path.StartsWithSegments(FhirPath, StringComparison.OrdinalIgnoreCase) && !context.Response.HasStarted
            ? WriteAsync(context.Response, "forbidden", "The token does not permit this interaction.")
            : Task.CompletedTask;

    private static async Task WriteAsync(HttpResponse response, string code, string diagnostics)
    {
        response.ContentType = "application/fhir+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("resourceType", "OperationOutcome");
        json.WriteStartArray("issue");
        json.WriteStartObject();
        json.WriteString("severity", "error");
        json.WriteString("code", code);
        json.WriteString("diagnostics", diagnostics);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
