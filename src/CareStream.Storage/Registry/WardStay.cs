using CareStream.Domain;

namespace CareStream.Storage.Registry;

/// <summary>A patient's time in a bed of a ward, clipped to the asked range: [From, To).</summary>
public sealed record WardStay(PatientId Patient, BedId Bed, DateTimeOffset From, DateTimeOffset To);
