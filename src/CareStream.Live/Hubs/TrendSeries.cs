namespace CareStream.Live.Hubs;

/// <summary>
/// The recent trend of one parameter of one bed, column-wise (as a chart draws it) and compact on the wire: point
/// i was measured at <see cref="Start"/> + <see cref="OffsetsMs"/>[i] and reads <see cref="Values"/>[i].
/// </summary>
/// <param name="Bed">Bed id (the tile).</param>
/// <param name="Patient">The patient the points belong to; a bed that changed patient starts a new series.</param>
/// <param name="Kind">camelCase vital sign name, as in <see cref="VitalSignUpdate.Kind"/>.</param>
/// <param name="Start">Effective time of the first point.</param>
/// <param name="OffsetsMs">Milliseconds after <paramref name="Start"/>, ascending.</param>
/// <param name="Values">Values in the kind's canonical UCUM unit.</param>
public sealed record TrendSeries(
    string Bed,
    string Patient,
    string Kind,
    DateTimeOffset Start,
    IReadOnlyList<long> OffsetsMs,
    IReadOnlyList<double> Values);
