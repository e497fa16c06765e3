using CareStream.Fhir.Ingress;
using CareStream.Messaging.Registry;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// Turns one ingress message into canonical Observations: parse and check it (codes, units, plausibility),
/// attribute each reading to the patient in the device's bed at the reading's effective time, and group the
/// components of one Observation (a BP panel) back together. No I/O except waiting for the registry.
/// </summary>
public sealed class ReadingNormalizer(DeviceObservationParser parser, RegistryDirectory registry, RegistryFeed feed)
{
    internal async Task<NormalizationResult> NormalizeAsync(
        ReadOnlyMemory<byte> payload, TimeSpan associationWait, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(payload);
        var problems = parsed.Rejections
            .Select(r => new NormalizationProblem(r.Code.ToString(), $"entry {r.EntryIndex}: {r.Reason}"))
            .ToList();
        if (parsed.Readings.Count == 0 && problems.Count == 0)
        {
            problems.Add(new NormalizationProblem("NoReadings", "The message holds no Observation with a value."));
        }

        var messages = new List<NormalizedMessage>();
        foreach (var observation in parsed.Readings.GroupBy(r => (r.EntryIndex, r.ObservationId)))
        {
            var first = observation.First();
            var assignment = registry.AssignmentAt(first.Device, first.EffectiveAt);
            if (assignment?.Patient is null && await feed.SyncAsync(associationWait, cancellationToken))
            {
                assignment = registry.AssignmentAt(first.Device, first.EffectiveAt);
            }

            if (assignment?.Patient is not { } patient)
            {
                problems.Add(new NormalizationProblem(
                    "UnassociatedDevice",
                    $"entry {first.EntryIndex}: device {first.Device} is not associated with a patient at {first.EffectiveAt:O}."));
                continue;
            }

            messages.Add(new NormalizedMessage(
                patient.Value,
                observation.Select(r => r.ToVitalSignReading(patient)).ToArray(),
                observation.Any(r => r.ClockSkewed)));
        }

        return new NormalizationResult(messages, problems);
    }
}
