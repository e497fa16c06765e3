using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;

namespace CareStream.FhirApi.IntegrationTests.Conformance;

/// <summary>
/// The ONC Inferno US Core vital-signs searches, per vital sign: read; patient+category; patient+category+date with
/// each comparator at boundaries, partial dates and time zones; patient+code; patient+category+status. Every returned
/// resource must match the criteria, and every seeded resource that matches must be returned.
/// </summary>
public sealed class VitalSignsConformanceTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static readonly ObservationStatus[] Statuses =
        [ObservationStatus.Preliminary, ObservationStatus.Final, ObservationStatus.Final, ObservationStatus.Amended, ObservationStatus.EnteredInError, ObservationStatus.Final];

    // Six readings 30 s apart from T0 (10:00:00Z); the boundary reading is the third, at 10:01:00Z.
    private static readonly (string Value, DateTimeOffset Low, DateTimeOffset High)[] Dates =
    [
        ("2026-11-25T10:01:00Z", Seed.T0.AddMinutes(1), Seed.T0.AddMinutes(1).AddSeconds(1)),
        ("2026-11-25T12:01:00+02:00", Seed.T0.AddMinutes(1), Seed.T0.AddMinutes(1).AddSeconds(1)),
        ("2026-11-25T05:01-05:00", Seed.T0.AddMinutes(1), Seed.T0.AddMinutes(2)),
        ("2026-11-25T10:01:00.500Z", Seed.T0.AddMinutes(1).AddMilliseconds(500), Seed.T0.AddMinutes(1).AddMilliseconds(501)),
        ("2026-11-25", Seed.T0.Date, Seed.T0.Date.AddDays(1)),
        ("2026-11", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
        ("2026-11-24", Seed.T0.Date.AddDays(-1), Seed.T0.Date),
    ];

    public static TheoryData<VitalSignKind, string> Vitals => new()
    {
        { VitalSignKind.HeartRate, Loinc.HeartRate },
        { VitalSignKind.RespiratoryRate, Loinc.RespiratoryRate },
        { VitalSignKind.OxygenSaturation, Loinc.OxygenSaturation },
        { VitalSignKind.SystolicBloodPressure, Loinc.BloodPressurePanel },
        { VitalSignKind.BodyTemperature, Loinc.BodyTemperature },
    };

    [Theory]
    [MemberData(nameof(Vitals))]
    public async Task GivenAVitalSign_WhenReadAndSearchedAsInferno_ThenResultsAreExactlyTheMatches(VitalSignKind kind, string loinc)
    {
        var (patient, seeded) = await SeedAsync(kind);
        var query = $"/fhir/Observation?patient={patient}&_count=1000";

        foreach (var (id, _, _) in seeded)
        {
            var (status, read) = await api.GetAsync($"/fhir/Observation/{id}");
            Assert.Equal(200, status);
            Assert.Equal(id, read.GetProperty("id").GetString());
        }

        await AssertExactlyAsync($"{query}&category=vital-signs&code={loinc}", seeded.Select(s => s.Id));
        await AssertExactlyAsync($"{query}&code={FhirSystems.Loinc}|{loinc}", seeded.Select(s => s.Id));
        await AssertExactlyAsync($"{query}&category=vital-signs&code={loinc}&status=final", seeded.Where(s => s.Status == "final").Select(s => s.Id));
        await AssertExactlyAsync($"{query}&category=vital-signs&code={loinc}&status=preliminary,amended",
            seeded.Where(s => s.Status is "preliminary" or "amended").Select(s => s.Id));
        foreach (var prefix in new[] { "eq", "ne", "gt", "lt", "ge", "le", "sa", "eb" })
        {
            foreach (var (value, low, high) in Dates)
            {
                var expected = seeded.Where(s => Matches(prefix, s.At, low, high)).Select(s => s.Id);
                await AssertExactlyAsync($"{query}&category=vital-signs&code={loinc}&date={prefix}{Uri.EscapeDataString(value)}", expected);
            }
        }
    }

    private static bool Matches(string prefix, DateTimeOffset at, DateTimeOffset low, DateTimeOffset high) => prefix switch
    {
        "eq" => at >= low && at < high,
        "ne" => !(at >= low && at < high),
        "gt" or "sa" => at >= high,
        "lt" or "eb" => at < low,
        "ge" => at >= low,
        "le" => at < high,
        _ => throw new ArgumentOutOfRangeException(nameof(prefix)),
    };

    private async Task AssertExactlyAsync(string path, IEnumerable<string> expected)
    {
        var (status, bundle) = await api.GetAsync(path);

        Assert.True(status == 200, $"{path}: {status}");
        var resources = Bundles.Resources(bundle);
        var patient = path.Split("patient=")[1].Split('&')[0];
        Assert.All(resources, r => AssertCommonCriteria(r, patient, path));
        Assert.True(expected.Order().SequenceEqual(resources.Select(r => r.GetProperty("id").GetString()!).Order()), $"{path}: not exactly the matching Observations");
    }

    private static void AssertCommonCriteria(JsonElement observation, string patient, string path)
    {
        Assert.Equal("Observation", observation.GetProperty("resourceType").GetString());
        Assert.Equal($"Patient/{patient}", observation.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Contains(observation.GetProperty("category").EnumerateArray().SelectMany(c => c.GetProperty("coding").EnumerateArray()),
            c => c.GetProperty("code").GetString() == FhirSystems.VitalSignsCategory);
        Assert.True(observation.TryGetProperty("effectiveDateTime", out _), path);
    }

    // Six readings of the kind for a fresh patient (a BP panel for blood pressure), one of every status, plus noise:
    // the other vital signs of the same patient and the same vital sign of another patient.
    private async Task<(PatientId Patient, List<(string Id, string Status, DateTimeOffset At)> Seeded)> SeedAsync(VitalSignKind kind)
    {
        var (patient, other, device) = (Seed.NewPatient(), Seed.NewPatient(), Seed.NewDevice());
        var readings = new List<VitalSignReading>();
        var seeded = new List<(string, string, DateTimeOffset)>();
        for (var i = 0; i < Statuses.Length; i++)
        {
            var at = Seed.T0.AddSeconds(30 * i);
            VitalSignReading[] observation = kind == VitalSignKind.SystolicBloodPressure
                ? Seed.Panel(patient, device, at, Statuses[i])
                : [Seed.Reading(patient, device, kind, at, Value(kind), Statuses[i])];
            readings.AddRange(observation);
            seeded.Add((observation[0].ObservationId, Code(Statuses[i]), at));
            readings.Add(Seed.Reading(other, Seed.NewDevice(), kind == VitalSignKind.SystolicBloodPressure ? VitalSignKind.HeartRate : kind, at, Value(kind)));
            foreach (var noise in new[] { VitalSignKind.HeartRate, VitalSignKind.RespiratoryRate, VitalSignKind.BodyTemperature }.Where(k => k != kind))
            {
                readings.Add(Seed.Reading(patient, device, noise, at.AddSeconds(1), Value(noise)));
            }
        }

        await api.Writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        return (patient, seeded);
    }

    private static double Value(VitalSignKind kind) => kind switch
    {
        VitalSignKind.OxygenSaturation => 97,
        VitalSignKind.BodyTemperature => 37.1,
        VitalSignKind.RespiratoryRate => 16,
        _ => 72,
    };

    private static string Code(ObservationStatus status) => status switch
    {
        ObservationStatus.Preliminary => "preliminary",
        ObservationStatus.Final => "final",
        ObservationStatus.Amended => "amended",
        _ => "entered-in-error",
    };
}
