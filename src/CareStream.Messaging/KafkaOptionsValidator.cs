using Microsoft.Extensions.Options;

namespace CareStream.Messaging;

/// <summary>Cross-field checks of <see cref="KafkaOptions"/>; each message names the setting to fix.</summary>
internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinInSyncReplicas > options.ReplicationFactor)
        {
            failures.Add($"Kafka:MinInSyncReplicas ({options.MinInSyncReplicas}) must not exceed Kafka:ReplicationFactor ({options.ReplicationFactor}).");
        }

        if (options.Producer.TryGetValue("acks", out var acks) && acks is not ("all" or "-1"))
        {
            failures.Add($"Kafka:Producer:acks must be 'all' (was '{acks}'): the idempotent producer requires it.");
        }

        if (options.Producer.TryGetValue("enable.idempotence", out var idempotence)
            && !string.Equals(idempotence, "true", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Kafka:Producer:enable.idempotence must be 'true' (was '{idempotence}'): retries must not duplicate messages.");
        }

        if (options.Producer.ContainsKey("bootstrap.servers"))
        {
            failures.Add("Kafka:Producer:bootstrap.servers must not be set; use Kafka:BootstrapServers.");
        }

        var names = options.Topics;
        string[] all = [names.DeviceObservations, names.Observations, names.ObservationsDeadLetter, names.UnassociatedObservations, names.Alerts, names.Assignments, names.PatientCommands, names.NotificationsDeadLetter, names.PatientScores];
        if (all.Distinct(StringComparer.Ordinal).Count() != all.Length)
        {
            failures.Add("Kafka:Topics:* must name distinct topics (one per CareStream stream).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
