namespace CareStream.Fhir.Ingress;

/// <summary>The outcome of parsing one ingress message: the readings of every accepted Observation and the rejections.</summary>
public sealed record DeviceParseResult(IReadOnlyList<DeviceReading> Readings, IReadOnlyList<DeviceObservationRejection> Rejections)
{
    /// <summary>True when nothing was rejected and at least one reading was found.</summary>
    public bool IsAccepted => Rejections.Count == 0 && Readings.Count > 0;

    /// <summary>Whether any reading's device clock runs ahead of receipt by more than the tolerance.</summary>
    public bool AnyClockSkewed => Readings.Any(r => r.ClockSkewed);

    internal static DeviceParseResult Reject(DeviceObservationRejection rejection) => new([], [rejection]);
}
