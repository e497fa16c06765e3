using System.Text.Json;

namespace CareStream.Alerting.Limits;

/// <summary>
/// <c>PUT /api/patients/{patientId}/limits</c>: <c>limits</c> = the patient's complete overrides per parameter in the
/// rule-set shape (<c>{"heartRate":{"warningHigh":{"limit":120,"priority":"medium","delaySeconds":10}}}</c>); null
/// fields inherit the ward value. <c>by</c> = acting clinician until authentication exists.
/// </summary>
public sealed record PatientLimitsRequest(JsonElement? Limits = null, string? By = null);
