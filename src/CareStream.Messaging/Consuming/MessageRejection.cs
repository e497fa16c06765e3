using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>A message the handler refuses for good (poison): it goes to the dead-letter topic and the loop moves on.</summary>
/// <param name="Message">The consumed message, forwarded with its original key, bytes and headers.</param>
/// <param name="ErrorCode">Stable machine-readable code, e.g. <c>invalid-json</c>, <c>unknown-code</c>.</param>
/// <param name="Reason">Human-readable reason; must not contain patient data.</param>
public sealed record MessageRejection(ConsumeResult<string, byte[]> Message, string ErrorCode, string Reason);
