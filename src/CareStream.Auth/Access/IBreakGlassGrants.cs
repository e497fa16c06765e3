using CareStream.Auth.Data;

namespace CareStream.Auth.Access;

/// <summary>
/// Break-glass grants (guide S5, A13): a clinician states a reason and may then see one patient outside their wards
/// for <see cref="AuthOptions.BreakGlassMinutes"/>. The FHIR API adds the active grants' patients to the ward
/// predicate of its queries; ward scope (<see cref="IWardAccess"/>) itself is unchanged.
/// </summary>
public interface IBreakGlassGrants
{
    /// <summary>Stores a grant for <paramref name="subject"/> on <paramref name="patientId"/>, valid from now.</summary>
    Task<BreakGlassGrant> GrantAsync(string subject, string patientId, string reason, CancellationToken cancellationToken);

    /// <summary>The subject's grants that have not expired yet (at most one per patient: the latest-expiring).</summary>
    ValueTask<IReadOnlyList<BreakGlassGrant>> ActiveAsync(string subject, CancellationToken cancellationToken);
}
