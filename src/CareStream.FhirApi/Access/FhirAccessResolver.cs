using System.Security.Claims;
using CareStream.Auth;
using CareStream.Auth.Access;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Http;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Http;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace CareStream.FhirApi.Access;

/// <summary>
/// Decides per request what the caller may see, failing closed: no authenticated user → 401; no SMART scope covering
/// the interaction → 403; a <c>patient/</c> scope without a <c>patient</c> claim → 403. Otherwise the caller's wards
/// (<see cref="IWardAccess"/>) plus their active break-glass grants become the <see cref="PatientAccess"/> predicate.
/// </summary>
public sealed class FhirAccessResolver(IWardAccess wards, IBreakGlassGrants grants)
{
    /// <summary>The claim naming the launch patient of a SMART <c>patient/</c> context.</summary>
    public const string PatientClaim = "patient";

    public async Task<FhirAccess> ResolveAsync(HttpContext http, string resourceType, SmartInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new FhirRequestException(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "A bearer token is required.");
        }

        var scopes = SmartScopeParser.ParseAll(user.FindAll(CareStreamClaims.Scope).Select(c => c.Value));
        var decision = SmartScopeEvaluator.Evaluate(scopes, new ScopeRequest(resourceType, interaction));
        var kinds = decision switch
        {
            ScopeDecision.Deny => throw Forbidden($"No granted scope allows {interaction} on {resourceType}."),
            ScopeDecision.Filter filter when resourceType == "Observation" => FhirAccess.KindsOf(filter),
            ScopeDecision.Filter => throw Forbidden($"Granular scopes on {resourceType} are not supported; ask for an unconstrained scope."),
            _ => null,
        };

        var covering = scopes.Where(s => s.AppliesTo(resourceType) && s.Grants(interaction)).ToList();
        string? launchPatient = null;
        if (covering.All(s => s.Context == SmartContext.Patient))
        {
            launchPatient = user.FindFirst(PatientClaim)?.Value;
            if (string.IsNullOrEmpty(launchPatient))
            {
                throw Forbidden("A patient/ scope needs the launch patient (patient claim) in the token.");
            }
        }

        var wardScope = await wards.ScopeOfAsync(user, http.RequestAborted);
        if (wardScope.AllWards)
        {
            return launchPatient is null && kinds is null
                ? FhirAccess.Unrestricted
                : new FhirAccess(new PatientAccess { OnlyPatient = launchPatient }, kinds, new Dictionary<string, string>());
        }

        var breakGlass = await GrantsOfAsync(user, http.RequestAborted);
        var patients = new PatientAccess { Wards = wardScope.Wards, Patients = breakGlass.Keys.ToArray(), OnlyPatient = launchPatient };
        return new FhirAccess(patients, kinds, breakGlass);
    }

    private async Task<Dictionary<string, string>> GrantsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = user.FindFirst(CareStreamClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return [];
        }

        var active = await grants.ActiveAsync(subject, cancellationToken);
        return active.ToDictionary(g => g.PatientId, g => g.Reason, StringComparer.Ordinal);
    }

    private static FhirRequestException Forbidden(string message) =>
        new(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, message);
}
