using CareStream.Domain;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Validation;
using CareStream.Simulator.Ward;

namespace CareStream.Simulator.UnitTests;

/// <summary>
/// What the simulator sends, once normalized, is what the profiles promise: every scenario's canonical
/// Observations validate with the Firely validator against the CareStream profiles (issue 3 acceptance).
/// </summary>
public sealed class ScenarioProfileConformanceTests
{
    [Fact]
    public void GivenEveryScenario_WhenItsReadingsAreNormalized_ThenEachCanonicalObservationIsProfileValid()
    {
        var options = new SimulatorOptions { Beds = 9 };
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var parser = new DeviceObservationParser(TimeProvider.System);
        var failures = new List<string>();
        var validated = 0;

        foreach (var bed in SimulatedWard.Build(options))
        {
            foreach (var elapsed in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromHours(4) })
            {
                foreach (var payload in MonitorFeed.ObservationsAt(bed, options, at + elapsed, elapsed, nibpDue: true))
                {
                    var parsed = parser.Parse(payload, at + elapsed);
                    failures.AddRange(parsed.Rejections.Select(r => $"{bed.Scenario}: rejected {r.Code} {r.Reason}"));
                    var readings = parsed.Readings.Select(r => r.ToVitalSignReading(new PatientId("sim-42-0001"))).ToArray();
                    if (readings.Length == 0)
                    {
                        continue;
                    }

                    var result = ObservationProfileValidator.Shared.Validate(CanonicalObservationWriter.ToUtf8Bytes(readings));
                    validated++;
                    if (!result.IsValid)
                    {
                        failures.Add($"{bed.Scenario} {readings[0].Kind}: {result.ErrorText}");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(validated > 100, $"only {validated} observations validated");
    }
}
