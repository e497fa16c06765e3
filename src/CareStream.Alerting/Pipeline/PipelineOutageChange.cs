namespace CareStream.Alerting.Pipeline;

/// <summary>A change of the Kafka-unreachable alarm: raised (true) or resolved (false), for the outage that started at <paramref name="OutageStart"/>.</summary>
internal sealed record PipelineOutageChange(bool Raised, DateTimeOffset OutageStart, DateTimeOffset At);
