namespace CareStream.Storage.Limits;

/// <summary>
/// One row of the append-only <c>patient_limit_change</c> table: a clinician's change of a patient's alarm-limit
/// overrides (a <c>limits</c> command on <c>carestream.patient-commands.v1</c>) with who, when, the overrides before
/// and after (JSON in the rule-set shape; <c>{}</c> = none, ward defaults). Rows are never updated or deleted.
/// </summary>
public sealed class PatientLimitChangeEntity
{
    /// <summary>The command's deterministic id; a redelivered command inserts nothing.</summary>
    public required string CommandId { get; set; }

    public required string PatientId { get; set; }

    /// <summary>Pseudonymous id of the clinician (or <c>unknown</c>).</summary>
    public required string ChangedBy { get; set; }

    /// <summary>When the API accepted the change.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The overrides in force before (the previous row's <see cref="NewOverrides"/>; <c>{}</c> for the first).</summary>
    public required string PreviousOverrides { get; set; }

    /// <summary>The overrides after the change; <c>{}</c> = cleared.</summary>
    public required string NewOverrides { get; set; }

    public int KafkaPartition { get; set; }

    public long KafkaOffset { get; set; }

    /// <summary>When the store wrote the row.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
