using System.Net;
using System.Net.Http.Headers;
using CareStream.Domain;
using CareStream.Domain.Registry;

namespace CareStream.FhirApi.IntegrationTests.Patients;

/// <summary>Reads of Patient, Location and Device: versions in ETag and meta, 304 on a current If-None-Match, 404s.</summary>
public sealed class RegistryReadTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static readonly DateTimeOffset Admitted = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAPatient_WhenReadThenChangedAndReadAgain_ThenTheVersionChangesAndACurrentETagGives304()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = new PatientId($"p-{Guid.NewGuid():N}"[..20]);
        await api.Registry.UpsertPatientAsync(new PatientDemographics(id, "MRN-R1", "Rivera", "Ana", new DateOnly(1980, 5, 1), "female"), ct);

        using var first = await api.Http.GetAsync(new Uri($"/fhir/Patient/{id}", UriKind.Relative), ct);
        var body = await FhirApiFixture.ReadAsync(first);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri($"/fhir/Patient/{id}", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await api.Http.SendAsync(conditional, ct);
        await api.Registry.UpsertPatientAsync(new PatientDemographics(id, "MRN-R1", "Rivera", "Ana María", new DateOnly(1980, 5, 1), "female"), ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/fhir/Patient/{id}", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var changed = await api.Http.SendAsync(again, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal($"\"{body.GetProperty("meta").GetProperty("versionId").GetString()}\"", first.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
        Assert.Equal("Ana María", (await FhirApiFixture.ReadAsync(changed)).GetProperty("name")[0].GetProperty("given")[0].GetString());
    }

    [Fact]
    public async Task GivenAWardWithABed_WhenReadAndSearched_ThenWardAndBedAreLocationsAndTheBedIsPartOfTheWard()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await api.Registry.UpsertBedAsync(new BedLocation(new WardId($"icu{tag}"), $"Intensive Care {tag}", new BedId($"icu{tag}-01"), "Bett Ö1"), ct);
        await api.Registry.UpsertBedAsync(new BedLocation(new WardId($"icu{tag}"), $"Intensive Care {tag}", new BedId($"icu{tag}-02"), "Bett 02"), ct);

        var (wardStatus, ward) = await api.GetAsync($"/fhir/Location/ward-icu{tag}");
        var (bedStatus, bed) = await api.GetAsync($"/fhir/Location/bed-icu{tag}-01");
        var (_, beds) = await api.GetAsync($"/fhir/Location?partof=Location/ward-icu{tag}&_count=1");
        var (_, rest) = await api.GetAsync(Bundles.PathOf(Bundles.Link(beds, "next")!));
        var (_, byName) = await api.GetAsync($"/fhir/Location?name=bett%20o&partof=ward-icu{tag}");
        var (_, wardByName) = await api.GetAsync($"/fhir/Location?name=care%20{tag}");
        var (unknown, outcome) = await api.GetAsync($"/fhir/Location/room-{tag}");

        Assert.Equal(200, wardStatus);
        Assert.Equal("wa", ward.GetProperty("physicalType").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("instance", ward.GetProperty("mode").GetString());
        Assert.Equal(200, bedStatus);
        Assert.Equal("bd", bed.GetProperty("physicalType").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal($"Location/ward-icu{tag}", bed.GetProperty("partOf").GetProperty("reference").GetString());
        Assert.Equal([$"bed-icu{tag}-01"], Bundles.Ids(beds));
        Assert.Equal([$"bed-icu{tag}-02"], Bundles.Ids(rest));
        Assert.Equal([$"bed-icu{tag}-01"], Bundles.Ids(byName));
        Assert.Equal([$"ward-icu{tag}"], Bundles.Ids(wardByName));
        Assert.Equal(404, unknown);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenADeviceMovedBetweenBeds_WhenReadAndSearched_ThenItIsAtItsCurrentBedWithANewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var device = new DeviceId($"mon-{tag}");
        var patient = new PatientId($"p-{tag}");
        await api.Registry.RecordAssignmentAsync(new DeviceAssignment(device, new WardId($"w{tag}"), new BedId($"b{tag}-1"), patient, Admitted), ct);
        using var before = await api.Http.GetAsync(new Uri($"/fhir/Device/{device}", UriKind.Relative), ct);
        await api.Registry.RecordAssignmentAsync(new DeviceAssignment(device, new WardId($"w{tag}"), new BedId($"b{tag}-2"), patient, Admitted.AddHours(1)), ct);

        using var after = await api.Http.GetAsync(new Uri($"/fhir/Device/{device}", UriKind.Relative), ct);
        var read = await FhirApiFixture.ReadAsync(after);
        var (_, atNewBed) = await api.GetAsync($"/fhir/Device?location=Location/bed-b{tag}-2");
        var (_, atOldBed) = await api.GetAsync($"/fhir/Device?location=Location/bed-b{tag}-1");
        var (_, byIdentifier) = await api.GetAsync($"/fhir/Device?identifier={Uri.EscapeDataString("https://carestream.dev/fhir/sid/device|" + device)}");
        var (unknown, _) = await api.GetAsync($"/fhir/Device/none-{tag}");

        Assert.Equal(new EntityTagHeaderValue("\"2\"", true), before.Headers.ETag);
        Assert.Equal(new EntityTagHeaderValue("\"3\"", true), after.Headers.ETag);
        Assert.Equal("3", read.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal(Admitted.AddHours(1), after.Content.Headers.LastModified);
        Assert.Equal($"Location/bed-b{tag}-2", read.GetProperty("location").GetProperty("reference").GetString());
        Assert.Equal($"Patient/{patient}", read.GetProperty("patient").GetProperty("reference").GetString());
        Assert.Equal([device.Value], Bundles.Ids(atNewBed));
        Assert.Empty(Bundles.Ids(atOldBed));
        Assert.Equal([device.Value], Bundles.Ids(byIdentifier));
        Assert.Equal(404, unknown);
    }
}
