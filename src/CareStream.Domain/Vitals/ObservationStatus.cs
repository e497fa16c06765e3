namespace CareStream.Domain.Vitals;

/// <summary>Subset of FHIR R4 ObservationStatus that CareStream writes. Values are stored, so never renumber.</summary>
public enum ObservationStatus : short
{
    /// <summary>Device data not yet verified by a clinician (the default for everything a device sends).</summary>
    Preliminary = 1,
    Final = 2,
    Amended = 3,
    EnteredInError = 4,
}
