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
        Assert.Equal("1", read.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal(Seed.T0, read.GetProperty("meta").GetProperty("lastUpdated").GetDateTimeOffset());
        Assert.True(read.GetProperty("meta").TryGetProperty("profile", out _));
    }

    [Fact]
    public async Task GivenAnObservation_WhenReadWithItsCurrentETag_ThenTheAnswerIs304WithoutABody()
    {
        var heart = Seed.Reading(Seed.NewPatient(), Seed.NewDevice(), VitalSignKind.HeartRate, Seed.T0);
        await api.Writer.WriteAsync([heart], TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/fhir/Observation/{heart.ObservationId}", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\"", isWeak: true));

        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
