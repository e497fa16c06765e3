namespace CareStream.Storage.Entities;

/// <summary>
/// A reading from a device with no patient at its effective time, kept device-only (ADR adr-2611-unassociated-readings)
/// so it can be shown, audited and re-attributed; never part of any patient's history until then.
/// One row per numeric; a BP panel is several rows sharing <see cref="ObservationId"/>.
/// </summary>
public sealed class UnassociatedReading
{
    /// <summary>The deterministic Observation.id it will have once attributed (16 hex characters).</summary>
    public required string ObservationId { get; set; }

    /// <summary><c>VitalSignKind</c> as its number.</summary>
    public short Kind { get; set; }

    public required string DeviceId { get; set; }

    public int MdcCode { get; set; }

    /// <summary>In the kind's canonical UCUM unit.</summary>
    public double Value { get; set; }

    public DateTimeOffset EffectiveAt { get; set; }

    /// <summary><c>ObservationStatus</c> as its number.</summary>
    public short Status { get; set; }

    /// <summary>The ward the device was placed in at the time, when known.</summary>
    public string? WardId { get; set; }

    /// <summary>The bed the device was placed at, when known.</summary>
    public string? BedId { get; set; }

    /// <summary>When the normalizer held it (the Kafka record timestamp).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
