namespace CareStream.Fhir.Canonical;

/// <summary>Why an Observation JSON was refused. Stable names: they travel in dead-letter headers.</summary>
public enum ObservationErrorCode
{
    MessageTooLarge = 1,
    MalformedJson = 2,
    UnsupportedResourceType = 3,
    UnsupportedBundleType = 4,
    UnknownElement = 5,
    InvalidId = 6,
    InvalidStatus = 7,
    MissingCategory = 8,
    CodingOrder = 9,
    UnknownCode = 10,
    MissingDevice = 11,
    InvalidDeviceReference = 12,
    MissingEffective = 13,
    ImpreciseEffective = 14,
    MissingValue = 15,
    InvalidUnit = 16,
    ImplausibleValue = 17,
    InvalidComponents = 18,
    MissingSubject = 19,
    InvalidIdentifier = 20,

    /// <summary><c>text.div</c> holds active content (scripts, event handlers, script URLs).</summary>
    UnsafeNarrative = 21,
}
