using CareStream.Auth.Audit;
using CareStream.Auth.Scopes;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.FhirApi.Observations;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Access;

/// <summary>
/// The access decision for one FHIR request (guide S1, S4, S5): the patients the caller may see
/// (<see cref="Patients"/>, a predicate in every query) and, for a granular SMART scope, the vital-sign kinds it
/// allows (<see cref="Kinds"/>, null = all). Resolved by <see cref="FhirAccessResolver"/>.
/// </summary>
public sealed record FhirAccess(PatientAccess Patients, IReadOnlySet<VitalSignKind>? Kinds, IReadOnlyDictionary<string, string> BreakGlass)
{
    /// <summary>HttpContext.Items key: the reason of the break-glass grant a request used (for the audit trail).</summary>
    public const string BreakGlassReasonItem = "carestream.break_glass_reason";

    /// <summary>HttpContext.Items key: the patient id the break-glass grant was used for.</summary>
    public const string BreakGlassPatientItem = "carestream.break_glass_patient";

    /// <summary>Unrestricted (administrators and backend services with an unconstrained scope).</summary>
    public static FhirAccess Unrestricted { get; } = new(PatientAccess.Unrestricted, null, new Dictionary<string, string>());

    /// <summary>Whether an Observation of <paramref name="kind"/> falls under the granted scope.</summary>
    public bool AllowsKind(VitalSignKind kind) => Kinds is null || Kinds.Contains(kind);

    /// <summary>
    /// The search narrowed to what the caller may see: the patient predicate and the scope's kinds (ANDed with the
    /// request's own codes). Null when the scope leaves nothing to match.
    /// </summary>
    public ReadingSearch? Narrow(ReadingSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var narrowed = search with { Access = Patients };
        if (Kinds is null)
        {
            return narrowed;
        }

        var terms = search.Codes ?? (search.Kinds is { Count: > 0 } kinds ? kinds : Enum.GetValues<VitalSignKind>()).Distinct().Select(k => new KindCode(k)).ToArray();
        var allowed = terms.Where(t => Kinds.Contains(t.Kind)).ToArray();
        return allowed.Length == 0 ? null : narrowed with { Codes = allowed };
    }

    /// <summary>True when the launch context rules out <paramref name="patient"/> without a query (patient/ scopes).</summary>
    public bool ExcludesPatient(PatientId patient) => Patients.OnlyPatient is { } only && !string.Equals(only, patient.Value, StringComparison.Ordinal);

    /// <summary>
    /// Whether the caller may see <paramref name="patient"/> now (reads by id: the endpoint answers 404 otherwise, never
    /// 403, so the resource's existence is not revealed); notes a break-glass access.
    /// </summary>
    public async Task<bool> MaySeeAsync(PatientId patient, RegistryQueries registry, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(http);
        http.SetAuditPatient(patient.Value); // the audit event names the patient, refused attempts included
        if (ExcludesPatient(patient) || !await registry.MaySeeAsync(patient, Patients, cancellationToken))
        {
            return false;
        }

        NoteAccess(http, patient);
        return true;
    }

    /// <summary>Marks the request as a break-glass access when the caller sees <paramref name="patient"/> through a grant.</summary>
    public void NoteAccess(HttpContext http, PatientId patient)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Patients.Wards is not null && BreakGlass.TryGetValue(patient.Value, out var reason))
        {
            http.Items[BreakGlassReasonItem] = reason;
            http.Items[BreakGlassPatientItem] = patient.Value;
        }
    }

    /// <summary>The kinds a granular Observation scope allows (category = vital-signs, code = kinds); unknown parameters allow nothing.</summary>
    internal static HashSet<VitalSignKind> KindsOf(ScopeDecision.Filter filter)
    {
        var kinds = new HashSet<VitalSignKind>();
        foreach (var alternative in filter.AnyOf)
        {
            IEnumerable<VitalSignKind> allowed = Enum.GetValues<VitalSignKind>();
            foreach (var constraint in alternative)
            {
                allowed = constraint.Parameter switch
                {
                    "category" when ObservationCodes.IsVitalSigns(constraint.Value) => allowed,
                    "code" => allowed.Intersect(ObservationCodes.Match(constraint.Value).Select(c => c.Kind)),
                    _ => [],
                };
            }

            kinds.UnionWith(allowed);
        }

        return kinds;
    }
}
