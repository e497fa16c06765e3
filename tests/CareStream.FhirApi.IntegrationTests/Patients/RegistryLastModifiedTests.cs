using System.Net;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Storage.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareStream.FhirApi.IntegrationTests.Patients;

/// <summary>
/// Patient and Location reads carry Last-Modified and meta.lastUpdated from the registry's change time; a re-sent
/// identical ADT admit moves neither the version nor the change time, a real correction moves both.
/// </summary>
public sealed class RegistryLastModifiedTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static readonly DateTimeOffset Admitted = new(2026, 11, 25, 8, 0, 0, 250, TimeSpan.Zero);

    // Last-Modified is an HTTP-date: whole seconds.
    private static readonly DateTimeOffset AdmittedHttpDate = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Admitted);

    [Fact]
    public async Task GivenAnAdmittedPatientInABed_WhenTheAdmitIsResent_ThenVersionsAndLastModifiedAreUnchanged()
    {
        var (patient, bed) = NewAdmit();
        await AdmitAsync(patient, bed);
        var before = await ReadAllAsync(patient, bed);
        _clock.Advance(TimeSpan.FromHours(1));

        await AdmitAsync(patient, bed);

        var after = await ReadAllAsync(patient, bed);
        Assert.All(before, r => Assert.Equal(AdmittedHttpDate, r.LastModified));
        Assert.All(before, r => Assert.Equal(Admitted, r.LastUpdated));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GivenAPatient_WhenTheNameIsCorrected_ThenVersionAndLastModifiedMoveAndIfModifiedSinceSeesIt()
    {
        var (patient, bed) = NewAdmit();
        await AdmitAsync(patient, bed);
        var before = await ReadAsync($"/fhir/Patient/{patient.Patient}");
        var unchanged = await StatusIfModifiedSinceAsync($"/fhir/Patient/{patient.Patient}", before.LastModified);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await Writer.UpsertPatientAsync(patient with { FamilyName = "Rivera-Lopez" }, TestContext.Current.CancellationToken);

        var after = await ReadAsync($"/fhir/Patient/{patient.Patient}");
        var changed = await StatusIfModifiedSinceAsync($"/fhir/Patient/{patient.Patient}", before.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, unchanged);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(Admitted.AddMinutes(10), after.LastUpdated);
        Assert.True(after.LastModified > before.LastModified);
        Assert.Equal(HttpStatusCode.OK, changed);
    }

    [Fact]
    public async Task GivenABed_WhenItsLabelChanges_ThenTheBedMovesAndItsWardDoesNot()
    {
        var (patient, bed) = NewAdmit();
        await AdmitAsync(patient, bed);
        var wardBefore = await ReadAsync($"/fhir/Location/ward-{bed.Ward}");
        var bedBefore = await ReadAsync($"/fhir/Location/bed-{bed.Bed}");
        _clock.Advance(TimeSpan.FromMinutes(3));

        await Writer.UpsertBedAsync(bed with { BedLabel = "Bett 7 (Fenster)" }, TestContext.Current.CancellationToken);

        var wardAfter = await ReadAsync($"/fhir/Location/ward-{bed.Ward}");
        var bedAfter = await ReadAsync($"/fhir/Location/bed-{bed.Bed}");
        Assert.NotEqual(bedBefore.ETag, bedAfter.ETag);
        Assert.Equal(Admitted.AddMinutes(3), bedAfter.LastUpdated);
        Assert.Equal(AdmittedHttpDate.AddMinutes(3), bedAfter.LastModified);
        Assert.Equal(wardBefore, wardAfter);
    }

    [Fact]
    public async Task GivenAdmittedPatientAndBed_WhenSearched_ThenEntriesCarryMetaLastUpdated()
    {
        var (patient, bed) = NewAdmit();
        await AdmitAsync(patient, bed);

        var (_, patients) = await api.GetAsync($"/fhir/Patient?identifier={patient.MedicalRecordNumber}");
        var (_, beds) = await api.GetAsync($"/fhir/Location?partof=Location/ward-{bed.Ward}");

        Assert.Equal([Admitted], LastUpdatedOfEntries(patients));
        Assert.Equal([Admitted], LastUpdatedOfEntries(beds));
    }

    private RegistryWriter Writer =>
        new(api.Database.Services.GetRequiredService<NpgsqlDataSource>(), _clock, NullLogger<RegistryWriter>.Instance);

    private static (PatientDemographics Patient, BedLocation Bed) NewAdmit()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        return (new PatientDemographics(new PatientId($"p-{tag}"), $"MRN-{tag}", "Rivera", "Ana", new DateOnly(1980, 5, 1), "female"),
            new BedLocation(new WardId($"w{tag}"), $"Ward {tag}", new BedId($"w{tag}-07"), "Bett 7"));
    }

    // What an ADT admit writes to the registry: the demographics and the named bed.
    private async Task AdmitAsync(PatientDemographics patient, BedLocation bed)
    {
        await Writer.UpsertPatientAsync(patient, TestContext.Current.CancellationToken);
        await Writer.UpsertBedAsync(bed, TestContext.Current.CancellationToken);
    }

    private async Task<Read[]> ReadAllAsync(PatientDemographics patient, BedLocation bed) =>
    [
        await ReadAsync($"/fhir/Patient/{patient.Patient}"),
        await ReadAsync($"/fhir/Location/ward-{bed.Ward}"),
        await ReadAsync($"/fhir/Location/bed-{bed.Bed}"),
    ];

    private async Task<Read> ReadAsync(string path)
    {
        using var response = await api.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var meta = (await FhirApiFixture.ReadAsync(response)).GetProperty("meta");
        Assert.Equal($"\"{meta.GetProperty("versionId").GetString()}\"", response.Headers.ETag!.Tag);
        return new Read(response.Headers.ETag.ToString(), response.Content.Headers.LastModified, ParseInstant(meta));
    }

    private async Task<HttpStatusCode> StatusIfModifiedSinceAsync(string path, DateTimeOffset? since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.IfModifiedSince = since;
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static DateTimeOffset?[] LastUpdatedOfEntries(JsonElement bundle) =>
        bundle.GetProperty("entry").EnumerateArray().Select(e => ParseInstant(e.GetProperty("resource").GetProperty("meta"))).ToArray();

    private static DateTimeOffset? ParseInstant(JsonElement meta) =>
        meta.TryGetProperty("lastUpdated", out var value)
            ? DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private sealed record Read(string ETag, DateTimeOffset? LastModified, DateTimeOffset? LastUpdated);
}
