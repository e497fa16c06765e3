using CareStream.Auth.Access;
using System.Security.Claims;
using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Messaging.Alerts;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.Alerting.Commands;

/// <summary>
/// The clinician command API under <c>/api/patients/{patientId}</c>: acknowledge, audio-pause and annotate an alarm
/// episode, and chart NEWS2 inputs. Each request is validated, published to <c>carestream.patient-commands.v1</c>
/// (delivery awaited) and answered 202 with the command id; the rules role that owns the patient applies it and
/// publishes the audited effect (acknowledged / audioPaused / annotated, with by and at) on the alerts topic.
/// Bad input is a 400 ValidationProblem naming the field; an unreachable Kafka a 503 ProblemDetails.
/// </summary>
public static class AlarmCommandEndpoints
{
    public const string BasePath = "/api/patients/{patientId}";

    private const string Unknown = "unknown";

    public static IEndpointRouteBuilder MapAlarmCommandEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var patients = endpoints.MapGroup(BasePath).RequireAuthorization(CareStreamPolicies.Clinician).RequirePatientInCallersWards();
        patients.MapPost("/alarms/{episodeId}/acknowledge", (
            string patientId, string episodeId, AcknowledgeRequest? body, ClaimsPrincipal user, PatientCommandPublisher publisher,
            TimeProvider clock, CancellationToken ct) => SendAsync(
                Validate(patientId, episodeId, body?.By),
                () => PatientCommand.Create(PatientCommandTypes.Acknowledge, new PatientId(patientId), Actor(user, body?.By), clock.GetUtcNow(), episodeId),
                publisher, ct));
        patients.MapPost("/alarms/{episodeId}/audio-pause", (
            string patientId, string episodeId, AudioPauseRequest? body, ClaimsPrincipal user, PatientCommandPublisher publisher,
            TimeProvider clock, CancellationToken ct) => SendAsync(
                Validate(patientId, episodeId, body?.By).Check(
                    body?.Minutes is null or (>= 1 and <= 10), "minutes", "'minutes' must be between 1 and 10 (omit it for the rule set's default)."),
                () => PatientCommand.Create(
                    PatientCommandTypes.AudioPause, new PatientId(patientId), Actor(user, body?.By), clock.GetUtcNow(), episodeId,
                    audioPause: body?.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null),
                publisher, ct));
        patients.MapPost("/alarms/{episodeId}/annotation", (
            string patientId, string episodeId, AnnotationRequest body, ClaimsPrincipal user, PatientCommandPublisher publisher,
            TimeProvider clock, CancellationToken ct) => SendAsync(
                Validate(patientId, episodeId, body.By)
                    .Check(WireNames.TryAssessment(body.Assessment) is not null, "assessment", "'assessment' must be one of true-positive, false-positive, non-actionable.")
                    .Check(body.Note is not { Length: > PatientCommandCodec.MaxNoteLength }, "note", $"'note' must be at most {PatientCommandCodec.MaxNoteLength} characters."),
                () => PatientCommand.Create(
                    PatientCommandTypes.Annotate, new PatientId(patientId), Actor(user, body.By), clock.GetUtcNow(), episodeId,
                    assessment: WireNames.TryAssessment(body.Assessment), note: string.IsNullOrWhiteSpace(body.Note) ? null : body.Note),
                publisher, ct));
        patients.MapPut("/charting", (
            string patientId, ChartingRequest body, ClaimsPrincipal user, PatientCommandPublisher publisher, TimeProvider clock, CancellationToken ct) =>
        {
            var update = new ChartingUpdate(
                body.OnOxygen, PatientCommandCodec.TryConsciousness(body.Consciousness), PatientCommandCodec.TrySpO2Scale(body.Spo2Scale));
            var validation = new CommandValidation().Id("patientId", patientId).Actor("by", body.By)
                .Check(body.Consciousness is null || update.Consciousness is not null, "consciousness", "'consciousness' must be one of A, C, V, P, U (ACVPU; C = new confusion).")
                .Check(body.Spo2Scale is null || update.SpO2Scale is not null, "spo2Scale", "'spo2Scale' must be 1 or 2 (Scale 2 only when prescribed).")
                .Check(body.OnOxygen is not null || body.Consciousness is not null || body.Spo2Scale is not null, "onOxygen", "Chart at least one of 'onOxygen', 'consciousness', 'spo2Scale'.");
            return SendAsync(
                validation,
                () => PatientCommand.Create(PatientCommandTypes.Charting, new PatientId(patientId), Actor(user, body.By), clock.GetUtcNow(), charting: update),
                publisher, ct);
        });
        return endpoints;
    }

    private static CommandValidation Validate(string patientId, string episodeId, string? by) =>
        new CommandValidation().Id("patientId", patientId).Id("episodeId", episodeId).Actor("by", by);

    /// <summary>The authenticated user's name when there is one, else the request's <c>by</c>, else <c>unknown</c>.</summary>
    internal static string Actor(ClaimsPrincipal user, string? by) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name
        : string.IsNullOrWhiteSpace(by) ? Unknown : by;

    internal static async Task<IResult> SendAsync(
        CommandValidation validation, Func<PatientCommand> create, PatientCommandPublisher publisher, CancellationToken cancellationToken)
    {
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, "The request has invalid fields; no command was sent.");
        }

        var command = create();
        try
        {
            await publisher.PublishAsync(command, cancellationToken);
        }
        catch (KafkaException)
        {
            return TypedResults.Problem(
                "The command could not be delivered to Kafka; it was not applied. Retry.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Command not delivered");
        }

        return TypedResults.Accepted((string?)null, new CommandAccepted(command.CommandId));
    }
}
