namespace CareStream.Messaging;

/// <summary>
/// The CareStream topic names and their defaults, declared once. Deployments override the names and
/// partition counts through <see cref="KafkaOptions.Topics"/> and <see cref="KafkaOptions.Partitions"/>.
/// </summary>
public static class Topics
{
    /// <summary>Untrusted ingress, keyed by device id: FHIR R4 Observation or Bundle JSON as sent.</summary>
    public const string DeviceObservations = "carestream.device-observations.v1";

    /// <summary>Canonical FHIR R4 Observations, keyed by patient id; only the normalizer writes here.</summary>
    public const string Observations = "carestream.observations.v1";

    /// <summary>Rejected messages with their original bytes and the <c>carestream-*</c> error headers.</summary>
    public const string ObservationsDeadLetter = "carestream.observations.dlq.v1";

    /// <summary>
    /// Readings from a device with no patient at their effective time, keyed by device id: device-style FHIR R4 Observation
    /// JSON (the ingress shape, checked and in canonical units, without subject), with ward/bed headers when the device is
    /// placed. Kept so they can be stored and re-attributed; records that raise the "unassociated device" technical event
    /// carry <see cref="KafkaHeaders.Event"/> = <see cref="KafkaHeaders.DeviceUnassociatedEvent"/>.
    /// </summary>
    public const string UnassociatedObservations = "carestream.observations.unassociated.v1";

    /// <summary>Alert state changes, keyed by patient id.</summary>
    public const string Alerts = "carestream.alerts.v1";

    /// <summary>
    /// Clinician commands (acknowledge, audio pause, annotate, NEWS2 charting), keyed by patient id, with the same
    /// partition count as <see cref="Observations"/> so the rules consumer sees a patient's commands where it owns
    /// the patient's observations (range assignor; ADR 2611 patient commands).
    /// </summary>
    public const string PatientCommands = "carestream.patient-commands.v1";

    /// <summary>
    /// Undeliverable rest-hook notifications (the Flag JSON that could not be delivered, keyed by patient id) with the
    /// <c>carestream-original-*</c>, <c>carestream-error-*</c> and <c>carestream-notification-*</c> headers.
    /// </summary>
    public const string NotificationsDeadLetter = "carestream.notifications.dlq.v1";

    /// <summary>
    /// Each patient's current NEWS2 outcome, keyed by patient id; log-compacted (the latest record per patient is the
    /// current score). Written by the rules role only when the outcome changes (and refreshed before it goes stale);
    /// value: <see cref="Scores.PatientScoreCodec"/> JSON.
    /// </summary>
    public const string PatientScores = "carestream.patient-scores.v1";

    /// <summary>Current device/bed/patient associations, keyed by device or bed id; log-compacted.</summary>
    public const string Assignments = "carestream.assignments.v1";

    /// <summary>Partition count of every topic unless overridden (partitions bound consumer parallelism).</summary>
    public const int DefaultPartitions = 12;

    /// <summary>The topics to provision, with the names and partition counts from <paramref name="options"/>.</summary>
    public static IReadOnlyList<TopicSpec> All(KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Topics;
        return
        [
            new TopicSpec(names.DeviceObservations, options.Partitions, Compacted: false),
            new TopicSpec(names.Observations, options.Partitions, Compacted: false),
            new TopicSpec(names.ObservationsDeadLetter, options.Partitions, Compacted: false),
            new TopicSpec(names.UnassociatedObservations, options.Partitions, Compacted: false),
            new TopicSpec(names.Alerts, options.Partitions, Compacted: false),
            new TopicSpec(names.PatientCommands, options.Partitions, Compacted: false),
            new TopicSpec(names.NotificationsDeadLetter, options.Partitions, Compacted: false),
            new TopicSpec(names.PatientScores, options.Partitions, Compacted: true),
            new TopicSpec(names.Assignments, options.Partitions, Compacted: true),
        ];
    }
}
