using CareStream.Domain.Vitals;

namespace CareStream.FhirApi.IntegrationTests.Observations;

public sealed class ObservationReadTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenStoredObservationsOnTwoDays_WhenReadById_ThenEachComesWithETagAndLastModified()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        var heart = Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddDays(-1));
        var panel = Seed.Panel(patient, device, Seed.T0);
        await api.Writer.WriteAsync([heart, .. panel], TestContext.Current.CancellationToken);

        using var response = await api.Http.GetAsync(new Uri($"/fhir/Observation/{heart.ObservationId}", UriKind.Relative), TestContext.Current.CancellationToken);
        var (_, read) = await api.GetAsync($"/fhir/Observation/{panel[0].ObservationId}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(heart.EffectiveAt, response.Content.Headers.LastModified);
        Assert.Equal(heart.ObservationId, (await FhirApiFixture.ReadAsync(response)).GetProperty("id").GetString());
        Assert.Equal(3, read.GetProperty("component").GetArrayLength());
    }
}
