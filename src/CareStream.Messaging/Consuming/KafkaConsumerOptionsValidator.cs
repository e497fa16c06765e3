using Microsoft.Extensions.Options;

namespace CareStream.Messaging.Consuming;

/// <summary>Checks a consumer's librdkafka settings against what the loop's delivery guarantee needs.</summary>
internal sealed class KafkaConsumerOptionsValidator : IValidateOptions<KafkaConsumerOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"{KafkaConsumerOptions.SectionName}:{name}";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Topic))
        {
            failures.Add($"{prefix}:Topic is required.");
        }

        if (IsSetTo(options, "enable.auto.offset.store", "true"))
        {
            failures.Add($"{prefix}:Client:enable.auto.offset.store must not be true: offsets are stored only after the handler succeeded.");
        }

        if (IsSetTo(options, "enable.auto.commit", "false"))
        {
            failures.Add($"{prefix}:Client:enable.auto.commit must not be false: the loop relies on librdkafka committing stored offsets.");
        }

        if (options.Client.ContainsKey("bootstrap.servers"))
        {
            failures.Add($"{prefix}:Client:bootstrap.servers must not be set; use Kafka:BootstrapServers.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSetTo(KafkaConsumerOptions options, string key, string value) =>
        options.Client.TryGetValue(key, out var actual) && string.Equals(actual, value, StringComparison.OrdinalIgnoreCase);
}
