namespace CareStream.Ingestion.Registry;

// The JSON bodies of the ADT-style registry API (/api/adt). Ids are FHIR ids ([A-Za-z0-9-.]{1,64}); effective times
// carry an offset (ISO 8601). They share one file because each is a few lines and read together.

/// <summary><c>POST /api/adt/beds</c>: register or rename a bed.</summary>
public sealed record RegisterBedRequest(string? WardId, string? WardName, string? BedId, string? Label);

/// <summary><c>POST /api/adt/admit</c>: the patient's demographics and the bed they are admitted to.</summary>
public sealed record AdmitRequest(
    string? PatientId, string? MedicalRecordNumber, string? FamilyName, string? GivenName, DateOnly? BirthDate, string? Gender,
    string? BedId, DateTimeOffset? EffectiveAt);

/// <summary><c>POST /api/adt/transfer</c>: move an admitted patient to another bed.</summary>
public sealed record TransferRequest(string? PatientId, string? BedId, DateTimeOffset? EffectiveAt);

/// <summary><c>POST /api/adt/discharge</c>: the patient leaves their bed.</summary>
public sealed record DischargeRequest(string? PatientId, DateTimeOffset? EffectiveAt);

/// <summary><c>POST /api/adt/devices/{deviceId}/associate</c>: connect a device to a bed.</summary>
public sealed record AssociateDeviceRequest(string? BedId, DateTimeOffset? EffectiveAt);

/// <summary><c>POST /api/adt/devices/{deviceId}/dissociate</c>: the device stops attributing readings to anyone.</summary>
public sealed record DissociateDeviceRequest(DateTimeOffset? EffectiveAt);
