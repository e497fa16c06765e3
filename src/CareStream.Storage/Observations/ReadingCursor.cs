using System.Globalization;

namespace CareStream.Storage.Observations;

/// <summary>Keyset position (effective, observation key, kind): unique per patient, URL-safe text.</summary>
internal readonly record struct ReadingCursor(DateTimeOffset Effective, long Key, short Kind)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Effective.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10}_{ObservationKey.ToId(Key)}_{Kind}");

    /// <exception cref="ArgumentException">The text is not a cursor this store produced.</exception>
    public static ReadingCursor Parse(string text)
    {
        var parts = text.Split('_');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            || !ObservationKey.RoundTrips(parts[1])
            || !short.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind))
        {
            throw new ArgumentException("Invalid page cursor.", nameof(text));
        }

        return new ReadingCursor(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), ObservationKey.FromId(parts[1]), kind);
    }
}
