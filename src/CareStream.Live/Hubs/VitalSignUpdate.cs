namespace CareStream.Live.Hubs;

/// <summary>One latest value for one bed, as the dashboard draws it. A small DTO, never a FHIR resource.</summary>
/// <param name="Bed">Bed id (the tile).</param>
/// <param name="Patient">Pseudonymous patient id.</param>
/// <param name="Kind">camelCase vital sign name, e.g. <c>heartRate</c>.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">UCUM unit code.</param>
/// <param name="EffectiveAt">When the device measured it; the client greys it out once stale.</param>
public sealed record VitalSignUpdate(string Bed, string Patient, string Kind, double Value, string Unit, DateTimeOffset EffectiveAt);
