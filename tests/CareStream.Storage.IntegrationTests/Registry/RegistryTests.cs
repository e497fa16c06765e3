using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Storage.Registry;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Storage.IntegrationTests.Registry;

[Collection(StorageCollection.Name)]
public sealed class RegistryTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private readonly RegistryWriter _writer = fixture.Services.GetRequiredService<RegistryWriter>();
    private readonly RegistryQueries _queries = fixture.Services.GetRequiredService<RegistryQueries>();

    [Fact]
    public async Task GivenPatient_WhenUpsertedTwiceWithChanges_ThenTheLatestDemographicsAreStored()
    {
        var id = SyntheticReadings.NewPatient();
        var first = new PatientDemographics(id, "MRN-0001", "Testperson", "Alex", new DateOnly(1950, 1, 2), "female");

        await _writer.UpsertPatientAsync(first, TestContext.Current.CancellationToken);
        await _writer.UpsertPatientAsync(first with { FamilyName = "Renamed" }, TestContext.Current.CancellationToken);

        Assert.Equal(first with { FamilyName = "Renamed" }, await _queries.GetPatientAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GivenPatients_WhenListedInPages_ThenEachAppearsOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await _writer.UpsertPatientAsync(new PatientDemographics(SyntheticReadings.NewPatient(), $"MRN-{i}", "Synthetic", "Person", new DateOnly(1980, 1, 1), "other"), TestContext.Current.CancellationToken);
        }

        var all = new List<PatientDemographics>();
        PatientId? after = null;
        while (true)
        {
            var page = await _queries.ListPatientsAsync(after, 2, TestContext.Current.CancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
            after = page[^1].Patient;
        }

        Assert.True(all.Count >= 5);
        Assert.Equal(all.Count, all.Select(p => p.Patient).Distinct().Count());
    }

    [Fact]
    public async Task GivenBeds_WhenWardListed_ThenLabelsAndNamesAreReturned()
    {
        var ward = new WardId($"ward-{Guid.NewGuid():N}");
        await _writer.UpsertBedAsync(new BedLocation(ward, "ICU East", new BedId($"{ward}-b2"), "Bed 2"), TestContext.Current.CancellationToken);
        await _writer.UpsertBedAsync(new BedLocation(ward, "ICU East", new BedId($"{ward}-b1"), "Bed 1"), TestContext.Current.CancellationToken);

        var beds = await _queries.BedsOfWardAsync(ward, TestContext.Current.CancellationToken);

        Assert.Equal(["Bed 1", "Bed 2"], beds.Select(b => b.BedLabel));
        Assert.All(beds, b => Assert.Equal("ICU East", b.WardName));
    }

    [Fact]
    public async Task GivenDeviceMovedToAnotherBed_WhenAssignmentsRecorded_ThenIntervalsAreClosedAndRedeliveryIsANoOp()
    {
        var ward = new WardId($"ward-{Guid.NewGuid():N}");
        var device = SyntheticReadings.NewDevice();
        var (bed1, bed2) = (new BedId($"{ward}-1"), new BedId($"{ward}-2"));
        var patient = SyntheticReadings.NewPatient();
        var first = new DeviceAssignment(device, ward, bed1, patient, T0);
        var second = new DeviceAssignment(device, ward, bed2, patient, T0.AddHours(2));

        Assert.True(await _writer.RecordAssignmentAsync(first, TestContext.Current.CancellationToken));
        Assert.False(await _writer.RecordAssignmentAsync(first, TestContext.Current.CancellationToken));
        Assert.True(await _writer.RecordAssignmentAsync(second, TestContext.Current.CancellationToken));
        Assert.False(await _writer.RecordAssignmentAsync(first, TestContext.Current.CancellationToken));
        Assert.False(await _writer.RecordAssignmentAsync(second with { ValidFrom = T0.AddHours(3) }, TestContext.Current.CancellationToken));

        Assert.Equal(second, await _queries.CurrentAssignmentOfDeviceAsync(device, TestContext.Current.CancellationToken));
        Assert.Equal(first, await _queries.AssignmentOfDeviceAsync(device, T0.AddHours(1), TestContext.Current.CancellationToken));
        Assert.Equal(second, await _queries.AssignmentOfDeviceAsync(device, T0.AddHours(2), TestContext.Current.CancellationToken));
        Assert.Null(await _queries.AssignmentOfDeviceAsync(device, T0.AddMinutes(-1), TestContext.Current.CancellationToken));
        Assert.Empty(await _queries.CurrentAssignmentsOfBedAsync(bed1, TestContext.Current.CancellationToken));
        Assert.Equal([second], await _queries.CurrentAssignmentsOfBedAsync(bed2, TestContext.Current.CancellationToken));
        Assert.Null(await _queries.CurrentPatientOfBedAsync(bed1, TestContext.Current.CancellationToken));
        Assert.Equal(patient, await _queries.CurrentPatientOfBedAsync(bed2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GivenNewPatientInABed_WhenAssigned_ThenThePreviousOccupantIsNoLongerInTheBed()
    {
        var ward = new WardId($"ward-{Guid.NewGuid():N}");
        var bed = new BedId($"{ward}-1");
        var device = SyntheticReadings.NewDevice();
        var (before, after) = (SyntheticReadings.NewPatient(), SyntheticReadings.NewPatient());

        await _writer.RecordAssignmentAsync(new DeviceAssignment(device, ward, bed, before, T0), TestContext.Current.CancellationToken);
        await _writer.RecordAssignmentAsync(new DeviceAssignment(device, ward, bed, after, T0.AddDays(1)), TestContext.Current.CancellationToken);

        Assert.Equal(after, await _queries.CurrentPatientOfBedAsync(bed, TestContext.Current.CancellationToken));
        Assert.Equal(before, (await _queries.AssignmentOfDeviceAsync(device, T0.AddHours(5), TestContext.Current.CancellationToken))?.Patient);
    }
}
