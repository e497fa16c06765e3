using CareStream.Auth;
using CareStream.Domain.Vitals;

namespace CareStream.FhirApi.IntegrationTests.Access;

/// <summary>
/// Guide A13: break-glass needs a reason, opens one foreign patient to the clinician, and closes again when the grant
/// expires (Auth:BreakGlassMinutes, default 60; the fixture's fake clock).
/// </summary>
public sealed class BreakGlassTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenForeignPatient_WhenBreakingGlassWithReason_ThenVisibleUntilExpiry()
    {
        const string nurse = "usr-a13-nurse";
        await api.AddStaffAsync(nurse, CareStreamRoles.Nurse, "a13-w1");
        var (patient, device) = await api.AdmitAsync("a13-w2", "a13-w2-b1", Seed.T0.AddHours(-1));
        await api.Writer.WriteAsync([Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0)], TestContext.Current.CancellationToken);
        using var client = new AccessClient(api.ClientFor(api.Tokens.Nurse(nurse)));
        var body = $$"""{"patientId":"{{patient.Value}}","reason":"Cardiac arrest call on ward a13-w2"}""";

        var (before, _) = await client.GetAsync($"/fhir/Patient/{patient.Value}");
        var (granted, grant) = await client.PostJsonAsync("/api/break-glass", body);
        var (during, _) = await client.GetAsync($"/fhir/Patient/{patient.Value}");
        var (_, observations) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}");
        api.Clock.Advance(TimeSpan.FromMinutes(61));
        var (after, _) = await client.GetAsync($"/fhir/Patient/{patient.Value}");
        var (_, observationsAfter) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}");

        Assert.Equal(404, before);
        Assert.Equal(201, granted);
        Assert.Equal(patient.Value, grant.GetProperty("patientId").GetString());
        Assert.Equal(200, during);
        Assert.Equal(1, AccessClient.EntryCount(observations));
        Assert.Equal(404, after);
        Assert.Equal(0, AccessClient.EntryCount(observationsAfter));
        var marked = api.BreakGlassAccesses.Where(a => a.Path.Contains(patient.Value, StringComparison.Ordinal) || a.Path == "/api/break-glass").ToList();
        Assert.Equal(3, marked.Count); // the grant itself, the Patient read and the Observation search
        Assert.All(marked, a => Assert.Equal("Cardiac arrest call on ward a13-w2", a.Reason));
    }

    [Theory]
    [InlineData("""{"patientId":"PATIENT"}""")]
    [InlineData("""{"patientId":"PATIENT","reason":""}""")]
    [InlineData("""{"patientId":"PATIENT","reason":"   "}""")]
    [InlineData("""{"reason":"no patient named"}""")]
    [InlineData("not json")]
    public async Task GivenNoReasonOrPatient_WhenBreakingGlass_Then400AndStillDenied(string json)
    {
        const string nurse = "usr-a13-noreason";
        var (patient, _) = await api.AdmitAsync("a13-w3", "a13-w3-b1", Seed.T0.AddHours(-1));
        using var client = new AccessClient(api.ClientFor(api.Tokens.Nurse(nurse)));

        var (status, outcome) = await client.PostJsonAsync("/api/break-glass", json.Replace("PATIENT", patient.Value, StringComparison.Ordinal));
        var (read, _) = await client.GetAsync($"/fhir/Patient/{patient.Value}");

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", AccessClient.ResourceType(outcome));
        Assert.Equal(404, read);
    }

    [Fact]
    public async Task GivenAdministratorOrNoToken_WhenBreakingGlass_ThenRefused()
    {
        var (patient, _) = await api.AdmitAsync("a13-w4", "a13-w4-b1", Seed.T0.AddHours(-1));
        var body = $$"""{"patientId":"{{patient.Value}}","reason":"audit"}""";
        using var admin = new AccessClient(api.ClientFor(api.Tokens.Administrator()));
        using var anonymous = new AccessClient(api.ClientFor(null));

        var (adminStatus, _) = await admin.PostJsonAsync("/api/break-glass", body);
        var (anonymousStatus, _) = await anonymous.PostJsonAsync("/api/break-glass", body);

        Assert.Equal(403, adminStatus);
        Assert.Equal(401, anonymousStatus);
    }
}
