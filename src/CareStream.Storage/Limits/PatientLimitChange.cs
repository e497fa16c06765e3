namespace CareStream.Storage.Limits;

/// <summary>One audited limit change (in or out of the store); overrides as JSON, <c>{}</c> = none.</summary>
public sealed record PatientLimitChange(
    string CommandId,
    string PatientId,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string PreviousOverrides,
    string NewOverrides,
    int KafkaPartition,
    long KafkaOffset);
