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
    }
}
