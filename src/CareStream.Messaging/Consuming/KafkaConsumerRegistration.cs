namespace CareStream.Messaging.Consuming;

/// <summary>Binds a consumer type to its name (options name, config key, group id suffix).</summary>
/// <param name="ConsumerType">The <see cref="KafkaConsumerService"/> subclass.</param>
/// <param name="Name">Its name, by convention <c>&lt;role&gt;-&lt;consumer&gt;</c>, e.g. <c>store-observations</c>.</param>
public sealed record KafkaConsumerRegistration(Type ConsumerType, string Name);
