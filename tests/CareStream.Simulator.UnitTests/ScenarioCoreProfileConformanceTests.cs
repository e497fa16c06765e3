using CareStream.Domain;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Validation;
using CareStream.Fhir.Vitals;
using CareStream.Simulator.Ward;

namespace CareStream.Simulator.UnitTests;

/// <summary>
/// Issue 3 acceptance, second half: every scenario's canonical output validates with 0 errors against the base R4
/// vital-signs profiles too (the specific one of its kind, e.g. heartrate or bp, and the generic vitalsigns).
/// </summary>
public sealed class ScenarioCoreProfileConformanceTests
{
    [Fact]
    public void GivenEveryScenario_WhenItsReadingsAreNormalized_ThenEachCanonicalObservationIsValidAgainstTheR4VitalSignsProfiles()
    {
        var options = new SimulatorOptions { Beds = 9 };
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var parser = new DeviceObservationParser(TimeProvider.System);
        var failures = new List<string>();
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        var validated = 0;

        foreach (var bed in SimulatedWard.Build(options))
        {
            foreach (var elapsed in new[] { TimeSpan.Zero, TimeSpan.FromHours(4) })
            {
                foreach (var payload in MonitorFeed.ObservationsAt(bed, options, at + elapsed, elapsed, nibpDue: true))
                {
                    var parsed = parser.Parse(payload, at + elapsed);
                    var readings = parsed.Readings.Select(r => r.ToVitalSignReading(new PatientId("sim-42-0001"))).ToArray();
                    if (readings.Length == 0)
                    {
                        continue;
                    }

                    var json = CanonicalObservationWriter.ToUtf8Bytes(readings);
                    foreach (var profile in new[] { VitalSignCatalog.Get(readings[0].Kind).CoreProfile, CareStreamProfiles.Core.VitalSigns })
                    {
                        var result = ObservationProfileValidator.Shared.Validate(json, profile);
                        validated++;
                        if (!result.IsValid)
                        {
                            failures.Add($"{bed.Scenario} {readings[0].Kind} vs {profile}: {result.ErrorText}");
                        }
                    }

                    scenarios.Add(bed.Scenario.ToString());
                }
            }
        }

        Assert.Empty(failures);
        // Device-silent publishes nothing by design; sensor-off may publish nothing at the sampled instants.
        Assert.True(scenarios.Count >= 7, $"only scenarios {string.Join(", ", scenarios)} produced readings");
        Assert.True(validated > 150, $"only {validated} validations ran");
    }
}
