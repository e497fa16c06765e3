using CareStream.Domain.Vitals;

namespace CareStream.Ingestion.Normalization;

/// <summary>One canonical Observation to publish: its readings (one, or the components of a BP panel).</summary>
internal sealed record NormalizedMessage(string PatientKey, VitalSignReading[] Readings, bool ClockSkewed);
