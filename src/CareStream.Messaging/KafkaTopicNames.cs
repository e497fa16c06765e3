using System.ComponentModel.DataAnnotations;

namespace CareStream.Messaging;

/// <summary>Topic names (<c>Kafka:Topics:*</c>); the defaults are the <see cref="Messaging.Topics"/> constants.</summary>
public sealed class KafkaTopicNames
{
    /// <summary><c>Kafka:Topics:DeviceObservations</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DeviceObservations { get; set; } = Messaging.Topics.DeviceObservations;

    /// <summary><c>Kafka:Topics:Observations</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Observations { get; set; } = Messaging.Topics.Observations;

    /// <summary><c>Kafka:Topics:ObservationsDeadLetter</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ObservationsDeadLetter { get; set; } = Messaging.Topics.ObservationsDeadLetter;

    /// <summary><c>Kafka:Topics:UnassociatedObservations</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UnassociatedObservations { get; set; } = Messaging.Topics.UnassociatedObservations;

    /// <summary><c>Kafka:Topics:Alerts</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Alerts { get; set; } = Messaging.Topics.Alerts;

    /// <summary><c>Kafka:Topics:PatientCommands</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PatientCommands { get; set; } = Messaging.Topics.PatientCommands;

    /// <summary><c>Kafka:Topics:NotificationsDeadLetter</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string NotificationsDeadLetter { get; set; } = Messaging.Topics.NotificationsDeadLetter;

    /// <summary><c>Kafka:Topics:PatientScores</c> (compacted).</summary>
    [Required(AllowEmptyStrings = false)]
    public string PatientScores { get; set; } = Messaging.Topics.PatientScores;

    /// <summary><c>Kafka:Topics:Assignments</c> (compacted).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Assignments { get; set; } = Messaging.Topics.Assignments;
}
