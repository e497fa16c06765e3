using System.Security.Claims;
using CareStream.Auth.Scopes;
using Microsoft.AspNetCore.Authorization;

namespace CareStream.Auth.Validation;

/// <summary>
/// Named authorization policies the modules attach with <c>RequireAuthorization(...)</c> when enforcement is switched
/// on (docs/security-plan.md). Scope filters and ward access are evaluated per request on top of these.
/// </summary>
public static class CareStreamPolicies
{
    /// <summary>Any valid CareStream access token.</summary>
    public const string Authenticated = "carestream.authenticated";

    /// <summary>Staff with a clinical role (nurse, charge nurse, physician) or an administrator.</summary>
    public const string Clinician = "carestream.clinician";

    /// <summary>Administrators only (rules, wards, AuditEvent search).</summary>
    public const string Administrator = "carestream.admin";

    /// <summary>Device adapters: a token whose scopes allow creating Observations.</summary>
    public const string ObservationWriter = "carestream.observation-writer";

    /// <summary>
    /// FHIR reads and searches: a clinician or administrator, or a token with a <c>user/</c> or <c>system/</c> scope
    /// that reads or searches one of the served resource types. Which resource and which records a scope covers is
    /// decided per request on top of this (scope filter, ward access).
    /// </summary>
    public const string FhirReader = "carestream.fhir-reader";

    /// <summary>The resource types the FHIR API reads and searches (for <see cref="FhirReader"/>).</summary>
    public static IReadOnlyList<string> ReadableResourceTypes { get; } = ["Observation", "Patient", "Location", "Device", "Flag"];

    internal static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Clinician, p => p.RequireAuthenticatedUser()
            .RequireClaim(CareStreamClaims.Role, [.. CareStreamRoles.Clinical, CareStreamRoles.Administrator]));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireClaim(CareStreamClaims.Role, CareStreamRoles.Administrator));
        options.AddPolicy(ObservationWriter, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            SmartScopeEvaluator.Evaluate(
                context.User.FindAll(CareStreamClaims.Scope).Select(c => c.Value),
                new ScopeRequest("Observation", SmartInteraction.Create)) is not ScopeDecision.Deny));
        options.AddPolicy(FhirReader, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            IsStaff(context.User) || HasReadScope(context.User)));
    }

    private static bool IsStaff(ClaimsPrincipal user) =>
        user.FindAll(CareStreamClaims.Role).Any(c => c.Value == CareStreamRoles.Administrator || CareStreamRoles.Clinical.Contains(c.Value));

    private static bool HasReadScope(ClaimsPrincipal user)
    {
        var scopes = SmartScopeParser.ParseAll(user.FindAll(CareStreamClaims.Scope).Select(c => c.Value))
            .Where(s => s.Context is SmartContext.User or SmartContext.System)
            .ToList();
        return ReadableResourceTypes.Any(type =>
            SmartScopeEvaluator.Evaluate(scopes, new ScopeRequest(type, SmartInteraction.Search)) is not ScopeDecision.Deny
            || SmartScopeEvaluator.Evaluate(scopes, new ScopeRequest(type, SmartInteraction.Read)) is not ScopeDecision.Deny);
    }
}
