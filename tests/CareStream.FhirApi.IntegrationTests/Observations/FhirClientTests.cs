using CareStream.Domain.Vitals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace CareStream.FhirApi.IntegrationTests.Observations;

/// <summary>The API as an integrator's Firely FhirClient sees it: read, search, next links and $lastn.</summary>
public sealed class FhirClientTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async System.Threading.Tasks.Task GivenVitalSigns_WhenDrivenByTheFirelyClient_ThenReadSearchPagingAndLastnWork()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        var readings = Enumerable.Range(0, 25).Select(i => Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddSeconds(i), 60 + i))
            .Concat(Enumerable.Range(0, 5).Select(i => Seed.Reading(patient, device, VitalSignKind.RespiratoryRate, Seed.T0.AddSeconds(i), 14)))
            .ToArray();
        await api.Writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        using var client = new FhirClient(new Uri(api.Http.BaseAddress!, "/fhir"), api.Http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

        var read = await client.ReadAsync<Observation>($"Observation/{readings[0].ObservationId}");
        var page = await client.SearchAsync<Observation>([$"patient={patient}", "category=vital-signs", "code=http://loinc.org|8867-4"], pageSize: 10);
        var ids = new List<string>();
        while (page is not null)
        {
            ids.AddRange(page.Entry.Select(e => e.Resource!.Id!));
            page = await client.ContinueAsync(page);
        }

        var lastn = await client.TypeOperationAsync<Observation>("lastn",
            new Parameters().Add("patient", new FhirString(patient.Value)).Add("category", new FhirString("vital-signs")), useGet: true);

        Assert.Equal(readings[0].ObservationId, read!.Id);
        Assert.Equal("1", read.Meta!.VersionId);
        Assert.Equal(Hl7.Fhir.Model.ObservationStatus.Preliminary, read.Status);
        Assert.Equal(readings.Take(25).Reverse().Select(r => r.ObservationId), ids);
        var newest = Assert.IsType<Bundle>(lastn).Entry.Select(e => (Observation)e.Resource!).ToArray();
        Assert.Equal(2, newest.Length);
        Assert.Contains(newest, o => o.Id == readings[24].ObservationId);
        Assert.Contains(newest, o => o.Id == readings[29].ObservationId);
    }
}
