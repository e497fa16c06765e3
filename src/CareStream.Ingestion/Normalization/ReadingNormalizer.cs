using CareStream.Domain.Registry;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Ingress;
using CareStream.Messaging.Registry;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// Turns one ingress message into canonical Observations: parse and check it (codes, units, plausibility, narrative),
/// attribute each reading to the patient in the device's bed at the reading's effective time, and group the
/// components of one Observation (a BP panel) back together. A reading whose device has no patient then is held,
/// not dropped (ADR adr-2611-unassociated-readings). No I/O except waiting for the registry.
/// </summary>
public sealed class ReadingNormalizer
{
    private readonly DeviceObservationParser _parser;
    private readonly RegistryDirectory _registry;
    private readonly Func<TimeSpan, CancellationToken, Task<bool>> _syncRegistry;

    public ReadingNormalizer(DeviceObservationParser parser, RegistryDirectory registry, RegistryFeed feed)
        : this(parser, registry, (feed ?? throw new ArgumentNullException(nameof(feed))).SyncAsync)
    {
    }

    /// <summary>For tests and benchmarks: <paramref name="syncRegistry"/> stands in for <see cref="RegistryFeed.SyncAsync"/>.</summary>
    internal ReadingNormalizer(
        DeviceObservationParser parser, RegistryDirectory registry, Func<TimeSpan, CancellationToken, Task<bool>> syncRegistry)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(registry);
        (_parser, _registry, _syncRegistry) = (parser, registry, syncRegistry);
    }

    /// <summary>Completes synchronously (no allocation of a task) unless a device must wait for the registry.</summary>
    internal async ValueTask<NormalizationResult> NormalizeAsync(
        ReadOnlyMemory<byte> payload, TimeSpan associationWait, CancellationToken cancellationToken)
    {
        var parser = _parser;
        var registry = _registry;
        var parsed = parser.Parse(payload);
        var problems = parsed.Rejections
            .Select(r => new NormalizationProblem(r.Code.ToString(), $"entry {r.EntryIndex}: {r.Reason}"))
            .ToList();
        if (parsed.Readings.Count == 0 && problems.Count == 0)
        {
            problems.Add(new NormalizationProblem("NoReadings", "The message holds no Observation with a value."));
        }

        var observations = Group(parsed.Readings);
        var assignments = new DeviceAssignment?[observations.Count];
        var unresolved = false;
        for (var i = 0; i < observations.Count; i++)
        {
            assignments[i] = registry.AssignmentAt(observations[i][0].Device, observations[i][0].EffectiveAt);
            unresolved |= assignments[i]?.Patient is null;
        }

        // A device associated a moment ago may not have reached this process's registry yet: wait once per message.
        if (unresolved && await _syncRegistry(associationWait, cancellationToken))
        {
            for (var i = 0; i < observations.Count; i++)
            {
                if (assignments[i]?.Patient is null)
                {
                    assignments[i] = registry.AssignmentAt(observations[i][0].Device, observations[i][0].EffectiveAt);
                }
            }
        }

        var messages = new List<NormalizedMessage>(observations.Count);
        List<HeldObservation>? held = null;
        for (var i = 0; i < observations.Count; i++)
        {
            var observation = observations[i];
            if (assignments[i] is { Patient: { } patient })
            {
                var id = observation[0].ObservationId; // one SHA-256 per Observation, not per component
                messages.Add(new NormalizedMessage(
                    patient.Value,
                    Array.ConvertAll(observation, r => new VitalSignReading(id, patient, r.Device, r.Kind, r.MdcCode, r.Value, r.EffectiveAt, r.Status)),
                    Array.Exists(observation, r => r.ClockSkewed)));
            }
            else
            {
                (held ??= []).Add(new HeldObservation(observation, assignments[i]?.Ward, assignments[i]?.Bed));
            }
        }

        return new NormalizationResult(messages, (IReadOnlyList<HeldObservation>?)held ?? [], problems);
    }

    // Readings of one Observation (a BP panel's components) are adjacent and share entry index and id.
    private static List<DeviceReading[]> Group(IReadOnlyList<DeviceReading> readings)
    {
        var groups = new List<DeviceReading[]>(readings.Count);
        var start = 0;
        for (var i = 1; i <= readings.Count; i++)
        {
            if (i == readings.Count || readings[i].EntryIndex != readings[start].EntryIndex)
            {
                var group = new DeviceReading[i - start];
                for (var j = start; j < i; j++)
                {
                    group[j - start] = readings[j];
                }

                groups.Add(group);
                start = i;
            }
        }

        return groups;
    }
}
