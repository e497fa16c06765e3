using System.Globalization;
using System.Text;
using CareStream.Auth;
using CareStream.Auth.Audit;
using CareStream.Auth.Scopes;
using CareStream.Auth.Validation;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Audit;

/// <summary>
/// <c>GET /fhir/AuditEvent</c>: the audit trail (guide S6) as keyset-paged searchsets, newest first, for
/// administrators holding <c>user/AuditEvent.rs</c> (policy <see cref="CareStreamPolicies.Administrator"/>, then the
/// scope). Entries are the stored BALP AuditEvents as they were written.
/// </summary>
public static class AuditEventEndpoints
{
    /// <summary>The parameters AuditEvent search understands (the CapabilityStatement lists the same).</summary>
    public static readonly IReadOnlyList<string> Supported = ["date", "agent", "patient", "entity", "action", "subtype", "_count"];

    public static IEndpointRouteBuilder MapAuditEventEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/AuditEvent", SearchAsync).RequireAuthorization(CareStreamPolicies.Administrator);
        return fhir;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, [FromServices] AuditEventQueries queries, CancellationToken cancellationToken)
    {
        var scopes = request.HttpContext.User.FindAll(CareStreamClaims.Scope).Select(c => c.Value);
        if (SmartScopeEvaluator.Evaluate(scopes, new ScopeRequest("AuditEvent", SmartInteraction.Search)) is not ScopeDecision.Allow)
        {
            return OperationOutcomes.Result(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "The token's scopes do not allow searching AuditEvent.");
        }

        var parameters = SearchParameters.FromQuery(request);
        var search = AuditEventSearchRequest.Parse(parameters);
        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        var count = PagingParameters.CountPair(search.Search.PageSize);
        var self = baseUrl + "/AuditEvent" + parameters.AppliedQuery(
            search.Search.Before is { } before ? [count, Cursor(before)] : [count]);
        if (search.MatchesNothing)
        {
            return new SearchsetBundleResult(self, null, null, []);
        }

        var page = await queries.SearchAsync(search.Search, cancellationToken);
        var next = page.NextCursor is { } cursor ? baseUrl + "/AuditEvent" + parameters.AppliedQuery(count, Cursor(cursor)) : null;
        var entries = page.Items
            .Select(row => ($"{baseUrl}/AuditEvent/{row.Id:N}", (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(row.Resource)))
            .ToList();
        return new SearchsetBundleResult(self, next, null, entries);
    }

    private static KeyValuePair<string, string> Cursor(long before) => new("_cursor", before.ToString(CultureInfo.InvariantCulture));
}
