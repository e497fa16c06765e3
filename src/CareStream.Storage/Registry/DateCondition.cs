namespace CareStream.Storage.Registry;

/// <summary>
/// A FHIR date search condition on a date-valued column: prefix (eq ne gt lt ge le sa eb) and the parameter's
/// range [Low, High). The column's day is the range [d 00:00Z, d+1 00:00Z).
/// </summary>
public sealed record DateCondition(string Prefix, DateTimeOffset Low, DateTimeOffset High);
