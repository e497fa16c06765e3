using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.FhirApi.IntegrationTests.Observations;

public sealed class ObservationDateAndPagingTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    // Readings at 10:00:00Z, 10:00:30Z, 10:01:00Z, 10:01:30Z, 10:02:00Z on 2026-11-25.
    private async Task<PatientId> SeedMinutesAsync()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        await api.Writer.WriteAsync(
            Enumerable.Range(0, 5).Select(i => Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddSeconds(30 * i))).ToArray(),
            TestContext.Current.CancellationToken);
        return patient;
    }

    [Theory]
    [InlineData("2026", 5)]
    [InlineData("2025", 0)]
    [InlineData("2026-11", 5)]
    [InlineData("2026-11-25", 5)]
    [InlineData("eq2026-11-25T10:01", 2)]
    [InlineData("ne2026-11-25T10:01", 3)]
    [InlineData("gt2026-11-25T10:01", 1)]
    [InlineData("sa2026-11-25T10:01", 1)]
    [InlineData("ge2026-11-25T10:01", 3)]
    [InlineData("lt2026-11-25T10:01", 2)]
    [InlineData("eb2026-11-25T10:01", 2)]
    [InlineData("le2026-11-25T10:01", 4)]
    [InlineData("ge2026-11-25T10:00:30Z", 4)]
    [InlineData("gt2026-11-25T10:00:30Z", 3)]
    [InlineData("le2026-11-25T10:00:30Z", 2)]
    [InlineData("lt2026-11-25T10:00:30Z", 1)]
    [InlineData("eq2026-11-25T10:00:30.000Z", 1)]
    [InlineData("ge2026-11-25T11:01:00+01:00", 3)]
    [InlineData("lt2026-11-25T05:01:00-05:00", 2)]
    [InlineData("ge2026-11-25T11:01:00 01:00", 3)] // an unencoded '+' arrives as a space
    [InlineData("eq2026-11-26", 0)]
    public async Task GivenReadingsAcrossMinutes_WhenSearchedByDate_ThenPrefixAndPrecisionDecide(string date, int expected)
    {
        var patient = await SeedMinutesAsync();

        var (status, bundle) = await api.GetAsync($"/fhir/Observation?patient={patient}&date={Uri.EscapeDataString(date)}");

        Assert.Equal(200, status);
        Assert.Equal(expected, Bundles.Resources(bundle).Length);
    }

    [Fact]
    public async Task GivenTwoDateParameters_WhenSearched_ThenTheyAreAnded()
    {
        var patient = await SeedMinutesAsync();

        var (_, window) = await api.GetAsync($"/fhir/Observation?patient={patient}&date=ge2026-11-25T10:00:30Z&date=lt2026-11-25T10:02:00Z");
        var (_, contradiction) = await api.GetAsync($"/fhir/Observation?patient={patient}&date=gt2026-11-25T10:02:00Z&date=lt2026-11-25T10:00:00Z");

        Assert.Equal(3, Bundles.Resources(window).Length);
        Assert.Empty(Bundles.Resources(contradiction));
    }

    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task GivenOverAThousandReadingsWithPanels_WhenPaged_ThenEveryObservationComesOnceInOrder(string sort)
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        var readings = new List<VitalSignReading>();
        for (var i = 0; i < 1100; i++)
        {
            readings.AddRange(i % 10 == 0 ? Seed.Panel(patient, device, Seed.T0.AddSeconds(i)) : [Seed.Reading(patient, device, (VitalSignKind)(1 + (i % 5)), Seed.T0.AddSeconds(i))]);
        }

        await api.Writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        var expected = readings.Select(r => r.ObservationId).Distinct().ToList();
        if (sort == "-date")
        {
            expected.Reverse();
        }

        var seen = new List<string>();
        var path = $"/fhir/Observation?patient={patient}&_sort={sort}&_count=77";
        while (path is not null)
        {
            var (status, bundle) = await api.GetAsync(path);
            Assert.Equal(200, status);
            Assert.True(Bundles.Resources(bundle).Length <= 77);
            Assert.All(Bundles.Resources(bundle).Where(r => r.TryGetProperty("component", out _)), r => Assert.Equal(3, r.GetProperty("component").GetArrayLength()));
            seen.AddRange(Bundles.Ids(bundle));
            path = Bundles.Link(bundle, "next") is { } next ? Bundles.PathOf(next) : null;
        }

        Assert.Equal(1100, seen.Count);
        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task GivenOverAThousandReadingsWithPanels_WhenPagedForwardThenBackViaPrevious_ThenBothWaysYieldEveryObservationOnce(string sort)
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        var readings = new List<VitalSignReading>();
        for (var i = 0; i < 1200; i++)
        {
            readings.AddRange(i % 7 == 0 ? Seed.Panel(patient, device, Seed.T0.AddSeconds(i)) : [Seed.Reading(patient, device, (VitalSignKind)(1 + (i % 5)), Seed.T0.AddSeconds(i))]);
        }

        await api.Writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        var forward = new List<string>();
        var (_, page) = await api.GetAsync($"/fhir/Observation?patient={patient}&_sort={sort}&_count=100");
        Assert.Null(Bundles.Link(page, "previous"));
        while (true)
        {
            forward.AddRange(Bundles.Ids(page));
            if (Bundles.Link(page, "next") is not { } next)
            {
                break;
            }

            (_, page) = await api.GetAsync(Bundles.PathOf(next));
        }

        var backward = new List<string[]> { Bundles.Ids(page) };
        while (Bundles.Link(page, "previous") is { } previous)
        {
            (_, page) = await api.GetAsync(Bundles.PathOf(previous));
            Assert.InRange(Bundles.Resources(page).Length, 1, 100);
            Assert.All(Bundles.Resources(page).Where(r => r.TryGetProperty("component", out _)), r => Assert.Equal(3, r.GetProperty("component").GetArrayLength()));
            backward.Add(Bundles.Ids(page));
        }

        Assert.Equal(1200, forward.Count);
        Assert.Equal(1200, forward.Distinct().Count());
        Assert.Equal(forward, backward.AsEnumerable().Reverse().SelectMany(ids => ids));
    }

    [Fact]
    public async Task GivenAHugeCount_WhenSearched_ThenItIsClampedWithANextLink()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        await api.Writer.WriteAsync(
            Enumerable.Range(0, 1005).Select(i => Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddSeconds(i))).ToArray(),
            TestContext.Current.CancellationToken);

        var (status, bundle) = await api.GetAsync($"/fhir/Observation?patient={patient}&_count=1000000");

        Assert.Equal(200, status);
        Assert.Equal(1000, Bundles.Resources(bundle).Length);
        Assert.Contains("_count=1000", Bundles.Link(bundle, "self"), StringComparison.Ordinal);
        var (_, rest) = await api.GetAsync(Bundles.PathOf(Bundles.Link(bundle, "next")!));
        Assert.Equal(5, Bundles.Resources(rest).Length);
        Assert.Null(Bundles.Link(rest, "next"));
    }
}
