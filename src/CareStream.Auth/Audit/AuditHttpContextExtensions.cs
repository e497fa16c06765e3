using Microsoft.AspNetCore.Http;

namespace CareStream.Auth.Audit;

/// <summary>How an endpoint adds what only it knows to the request's audit event.</summary>
public static class AuditHttpContextExtensions
{
    /// <summary>Item key of the break-glass reason; when set the event carries purposeOfEvent BTG.</summary>
    public const string BreakGlassReasonItem = "carestream.break_glass_reason";

    /// <summary>Item key of the patient an endpoint resolved (e.g. the subject of a read Observation).</summary>
    public const string PatientItem = "carestream.audit.patient";

    /// <summary>Names the patient whose data this request touched when the path and query do not (reads by id, ADT bodies).</summary>
    public static void SetAuditPatient(this HttpContext context, string patientId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        context.Items[PatientItem] = patientId;
    }
}
