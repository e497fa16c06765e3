using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareStream.FhirApi.IntegrationTests.Observations;

/// <summary>The hot query (patient + code, newest first, 60) reads the primary-key index, never a partition scan.</summary>
public sealed class ObservationQueryPlanTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenAPartitionWithManyPatients_WhenTheHotSearchIsPlanned_ThenItUsesThePrimaryKeyIndex()
    {
        var patients = Enumerable.Range(0, 40).Select(_ => (Patient: Seed.NewPatient(), Device: Seed.NewDevice())).ToArray();
        var readings = patients.SelectMany(p => Enumerable.Range(0, 600)
            .SelectMany(i => new[]
            {
                Seed.Reading(p.Patient, p.Device, VitalSignKind.HeartRate, Seed.T0.AddSeconds(i)),
                Seed.Reading(p.Patient, p.Device, VitalSignKind.OxygenSaturation, Seed.T0.AddSeconds(i), 97),
            })).ToArray();
        await api.Writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        await using (var connection = new NpgsqlConnection(api.Database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var analyze = new NpgsqlCommand("ANALYZE observation; ANALYZE patient_key; ANALYZE observation_source", connection);
            await analyze.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var queries = api.Database.Services.GetRequiredService<ObservationQueries>();
        var search = new ReadingSearch(patients[7].Patient, PageSize: 60) { Codes = [new KindCode(VitalSignKind.HeartRate), new KindCode(VitalSignKind.PulseRate)] };

        var plan = await queries.ExplainSearchAsync(search, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(plan);

        Assert.Contains("Index Scan Backward using observation_p20261125_pkey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on observation_p", plan, StringComparison.Ordinal);
    }
}
