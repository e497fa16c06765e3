using CareStream.Domain.Vitals;
using Npgsql;

namespace CareStream.Storage.Observations;

/// <summary>
/// The 1-minute trend aggregates of one batch, computed in memory and upserted in one statement from arrays (the
/// fast path, when every reading of the batch is new). Buckets are sent in key order so concurrent writers lock
/// trend rows in the same order. Entered-in-error readings are left out, as in the staging merge.
/// </summary>
internal static class TrendBuckets
{
    public const string Upsert = """
        INSERT INTO observation_trend AS t (patient_key, kind, minute, min_value, max_value, sum_value, sample_count)
        SELECT * FROM unnest(@patients, @kinds, @minutes, @mins, @maxs, @sums, @counts)
        ON CONFLICT (patient_key, kind, minute) DO UPDATE SET
            min_value = least(t.min_value, excluded.min_value),
            max_value = greatest(t.max_value, excluded.max_value),
            sum_value = t.sum_value + excluded.sum_value,
            sample_count = t.sample_count + excluded.sample_count
        """;

    public static NpgsqlCommand Command(IReadOnlyList<VitalSignReading> readings, Func<string, int> patientKey, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var buckets = new SortedDictionary<(int Patient, short Kind, long Minute), (float Min, float Max, double Sum, int Count)>();
        foreach (var reading in readings)
        {
            if (reading.Status == ObservationStatus.EnteredInError)
            {
                continue;
            }

            var ticks = reading.EffectiveAt.UtcTicks;
            var key = (patientKey(reading.Patient.Value), (short)reading.Kind, ticks - (ticks % TimeSpan.TicksPerMinute));
            var value = (float)reading.Value;
            buckets[key] = buckets.TryGetValue(key, out var b)
                ? (Math.Min(b.Min, value), Math.Max(b.Max, value), b.Sum + value, b.Count + 1)
                : (value, value, value, 1);
        }

        var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.AddWithValue("patients", buckets.Keys.Select(k => k.Patient).ToArray());
        command.Parameters.AddWithValue("kinds", buckets.Keys.Select(k => k.Kind).ToArray());
        command.Parameters.AddWithValue("minutes", buckets.Keys.Select(k => new DateTime(k.Minute, DateTimeKind.Utc)).ToArray());
        command.Parameters.AddWithValue("mins", buckets.Values.Select(v => v.Min).ToArray());
        command.Parameters.AddWithValue("maxs", buckets.Values.Select(v => v.Max).ToArray());
        command.Parameters.AddWithValue("sums", buckets.Values.Select(v => v.Sum).ToArray());
        command.Parameters.AddWithValue("counts", buckets.Values.Select(v => v.Count).ToArray());
        return command;
    }
}
