using CareStream.Auth.Access;
using System.Security.Claims;
using System.Text.Json;
using CareStream.Alerting.Commands;
using CareStream.Alerting.RuleSets;
using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Messaging.Registry;
using CareStream.Rules.RuleSets;
using CareStream.Storage.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.Alerting.Limits;

/// <summary>
/// Per-patient alarm-limit overrides (IEC 60601-1-8 user presets) under <c>/api/patients/{patientId}/limits</c>.
/// PUT validates the overrides merged with the patient's ward rule set (400 naming the field) and publishes a
/// <c>limits</c> command; the owning rules instance applies it, the store role audits it in <c>patient_limit_change</c>.
/// DELETE publishes empty overrides. GET answers the ward set merged with the latest audited overrides; /history the audit.
/// </summary>
public static class PatientLimitsEndpoints
{
    public const int MaxHistory = 200;

    public static IEndpointRouteBuilder MapPatientLimitsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var limits = endpoints.MapGroup(AlarmCommandEndpoints.BasePath + "/limits").RequireAuthorization(CareStreamPolicies.Clinician)
            .RequirePatientInCallersWards();
        limits.MapPut("", (
            string patientId, PatientLimitsRequest body, ClaimsPrincipal user, PatientCommandPublisher publisher, WardRuleSets ruleSets,
            RegistryDirectory registry, TimeProvider clock, CancellationToken ct) =>
        {
            var validation = new CommandValidation().Id("patientId", patientId).Actor("by", body.By)
                .Check(body.Limits is { ValueKind: JsonValueKind.Object }, "limits", "'limits' must be an object of parameter name → override (use DELETE to clear).");
            IReadOnlyDictionary<string, ParameterLimitsOverride> overrides = PatientLimits.None;
            if (validation.IsValid)
            {
                try
                {
                    overrides = LimitOverridesJson.Parse(body.Limits!.Value);
                }
                catch (JsonException ex)
                {
                    validation.Check(false, "limits", "'limits' is not in the rule-set shape: " + ex.Message);
                }

                validation.Check(overrides.Count > 0 || !validation.IsValid, "limits", "'limits' names no parameter (use DELETE to clear).");
                foreach (var error in validation.IsValid ? PatientLimits.Merge(WardSetOf(patientId, ruleSets, registry), overrides).Errors : [])
                {
                    validation.Check(false, PatientLimits.FieldOf(error), error);
                }
            }

            return AlarmCommandEndpoints.SendAsync(
                validation,
                () => PatientCommand.Create(PatientCommandTypes.Limits, new PatientId(patientId), AlarmCommandEndpoints.Actor(user, body.By), clock.GetUtcNow(), limits: overrides),
                publisher, ct);
        });
        limits.MapDelete("", (
            string patientId, string? by, ClaimsPrincipal user, PatientCommandPublisher publisher, TimeProvider clock, CancellationToken ct) =>
            AlarmCommandEndpoints.SendAsync(
                new CommandValidation().Id("patientId", patientId).Actor("by", by),
                () => PatientCommand.Create(PatientCommandTypes.Limits, new PatientId(patientId), AlarmCommandEndpoints.Actor(user, by), clock.GetUtcNow(), limits: PatientLimits.None),
                publisher, ct));
        limits.MapGet("", async (
            string patientId, PatientLimitChangeStore store, WardRuleSets ruleSets, RegistryDirectory registry, CancellationToken ct) =>
        {
            var validation = new CommandValidation().Id("patientId", patientId);
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }

            var ward = WardSetOf(patientId, ruleSets, registry);
            var latest = await store.LatestAsync(patientId, ct);
            var overrides = latest is null ? PatientLimits.None : ParseStored(latest.NewOverrides);
            var (merged, errors) = PatientLimits.Merge(ward, overrides);
            var view = new PatientLimitsView(
                patientId, ward.Ward, ward.Id, ward.Version, overrides, errors.Count == 0 ? merged.EffectiveLimits : ward.EffectiveLimits,
                errors, latest?.ChangedBy, latest?.ChangedAt);
            return Results.Json(view, RuleSetLoader.JsonOptions);
        });
        limits.MapGet("/history", async (string patientId, int? count, PatientLimitChangeStore store, CancellationToken ct) =>
        {
            var validation = new CommandValidation().Id("patientId", patientId)
                .Check(count is null or (>= 1 and <= MaxHistory), "count", $"'count' must be between 1 and {MaxHistory}.");
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }

            var history = await store.HistoryAsync(patientId, count ?? MaxHistory, ct);
            return Results.Json(
                history.Select(h => new PatientLimitChangeView(
                    h.CommandId, h.ChangedBy, h.ChangedAt, ParseStored(h.PreviousOverrides), ParseStored(h.NewOverrides))).ToList(),
                RuleSetLoader.JsonOptions);
        });
        return endpoints;
    }

    private static RuleSet WardSetOf(string patientId, WardRuleSets ruleSets, RegistryDirectory registry)
    {
        ruleSets.Refresh(); // the api role has no tick worker: pick up edited files (stat only when unchanged)
        return ruleSets.For(registry.CurrentBedOf(new PatientId(patientId))?.Ward);
    }

    private static IReadOnlyDictionary<string, ParameterLimitsOverride> ParseStored(string json)
    {
        using var document = JsonDocument.Parse(json);
        return LimitOverridesJson.Parse(document.RootElement);
    }
}
