using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Storage.Registry;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Registry;

/// <summary>updated_at and the row version (xmin) move only when an upsert changes the row's content.</summary>
[Collection(StorageCollection.Name)]
public sealed class RegistryChangeTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 8, 0, 0, 250, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly RegistryQueries _queries = fixture.Services.GetRequiredService<RegistryQueries>();

    private RegistryWriter Writer => new(fixture.Services.GetRequiredService<NpgsqlDataSource>(), _clock, NullLogger<RegistryWriter>.Instance);

    [Fact]
    public async Task GivenAStoredPatient_WhenTheSameDemographicsAreUpsertedAgain_ThenNothingIsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new PatientDemographics(SyntheticReadings.NewPatient(), "MRN-C1", "Testperson", "Alex", new DateOnly(1950, 1, 2), "female");
        var inserted = await Writer.UpsertPatientAsync(patient, ct);
        var before = await _queries.GetVersionedPatientAsync(patient.Patient, ct);
        _clock.Advance(TimeSpan.FromHours(1));

        var written = await Writer.UpsertPatientAsync(patient, ct);

        var after = await _queries.GetVersionedPatientAsync(patient.Patient, ct);
        Assert.True(inserted);
        Assert.False(written);
        Assert.Equal(T0, before!.LastModified);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GivenAStoredPatient_WhenTheNameIsCorrected_ThenVersionAndChangeTimeMove()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new PatientDemographics(SyntheticReadings.NewPatient(), "MRN-C2", "Testperson", "Alex", new DateOnly(1950, 1, 2), "female");
        await Writer.UpsertPatientAsync(patient, ct);
        var before = await _queries.GetVersionedPatientAsync(patient.Patient, ct);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var written = await Writer.UpsertPatientAsync(patient with { GivenName = "Alexa" }, ct);

        var after = await _queries.GetVersionedPatientAsync(patient.Patient, ct);
        Assert.True(written);
        Assert.NotEqual(before!.VersionId, after!.VersionId);
        Assert.Equal(T0.AddMinutes(5), after.LastModified);
        Assert.Equal("Alexa", after.Value.GivenName);
    }

    [Fact]
    public async Task GivenAStoredBed_WhenResentThenRelabelled_ThenOnlyTheRelabelMovesTheBedAndTheWardStaysPut()
    {
        var ct = TestContext.Current.CancellationToken;
        var ward = new WardId($"ward-{Guid.NewGuid():N}");
        var bed = new BedLocation(ward, "ICU East", new BedId($"{ward}-b1"), "Bed 1");
        await Writer.UpsertBedAsync(bed, ct);
        var wardBefore = await _queries.GetWardLocationAsync(ward, ct);
        var bedBefore = await _queries.GetBedLocationAsync(bed.Bed, ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var resent = await Writer.UpsertBedAsync(bed, ct);
        var bedResent = await _queries.GetBedLocationAsync(bed.Bed, ct);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var relabelled = await Writer.UpsertBedAsync(bed with { BedLabel = "Bed 1A" }, ct);

        var wardAfter = await _queries.GetWardLocationAsync(ward, ct);
        var bedAfter = await _queries.GetBedLocationAsync(bed.Bed, ct);
        Assert.False(resent);
        Assert.Equal(bedBefore, bedResent);
        Assert.True(relabelled);
        Assert.NotEqual(bedBefore!.VersionId, bedAfter!.VersionId);
        Assert.Equal(T0.AddMinutes(2), bedAfter.LastModified);
        Assert.Equal(wardBefore, wardAfter);
        Assert.Equal(T0, wardAfter!.LastModified);
    }

    [Fact]
    public async Task GivenABedFirstSeenInAnAssignment_WhenRead_ThenItsChangeTimeIsTheClocksAtThatWrite()
    {
        var ct = TestContext.Current.CancellationToken;
        var ward = new WardId($"ward-{Guid.NewGuid():N}");
        var bed = new BedId($"{ward}-b1");

        await Writer.RecordAssignmentAsync(new DeviceAssignment(new DeviceId($"mon-{Guid.NewGuid():N}"), ward, bed, null, T0.AddDays(-1)), ct);

        Assert.Equal(T0, (await _queries.GetBedLocationAsync(bed, ct))!.LastModified);
        Assert.Equal(T0, (await _queries.GetWardLocationAsync(ward, ct))!.LastModified);
    }
}
