using System.Security.Claims;
using CareStream.Auth;
using CareStream.Domain.Vitals;
using CareStream.FhirApi.Access;

namespace CareStream.FhirApi.IntegrationTests.Access;

/// <summary>Guide A3: SMART v2 scopes decide per request; granular and patient/ scopes are predicates of the query.</summary>
public sealed class ScopeAccessTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private const string VitalSigns = "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";

    [Fact]
    public async Task GivenVitalSignsScope_WhenSearchingOtherCategories_ThenNothingElseIsSeen()
    {
        var (patient, observation) = await AdmitWithReadingsAsync("a3-w1", "a3-w1-b1", "usr-a3-vitals");
        using var client = Client(api.Tokens.ForUser("usr-a3-vitals", CareStreamRoles.Nurse, ["user/Observation.rs?category=" + VitalSigns]));

        var (allStatus, all) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}");
        var (_, laboratory) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}&category=laboratory");
        var (readStatus, _) = await client.GetAsync($"/fhir/Observation/{observation}");

        Assert.Equal(200, allStatus);
        Assert.Equal(2, AccessClient.EntryCount(all));
        Assert.All(Bundles.Resources(all), r => Assert.Contains("vital-signs", r.GetProperty("category").GetRawText(), StringComparison.Ordinal));
        Assert.Equal(0, AccessClient.EntryCount(laboratory));
        Assert.Equal(200, readStatus);
    }

    [Fact]
    public async Task GivenLaboratoryOnlyScope_WhenReadingVitalSigns_ThenNoneAreReturnedAndReadsAreNotFound()
    {
        var (patient, observation) = await AdmitWithReadingsAsync("a3-w2", "a3-w2-b1", "usr-a3-lab");
        using var client = Client(api.Tokens.ForUser("usr-a3-lab", CareStreamRoles.Nurse, ["user/Observation.rs?category=laboratory"]));

        var (searchStatus, search) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}&_total=accurate");
        var (lastnStatus, lastn) = await client.GetAsync($"/fhir/Observation/$lastn?patient={patient.Value}&category=vital-signs");
        var (readStatus, _) = await client.GetAsync($"/fhir/Observation/{observation}");

        Assert.Equal(200, searchStatus);
        Assert.Equal(0, AccessClient.EntryCount(search));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Equal(200, lastnStatus);
        Assert.Equal(0, AccessClient.EntryCount(lastn));
        Assert.Equal(404, readStatus);
    }

    [Fact]
    public async Task GivenPatientScopeForP_WhenReadingQ_ThenNothingOfQIsReturned()
    {
        var (p, _) = await AdmitWithReadingsAsync("a3-w3", "a3-w3-b1", "usr-a3-patient");
        var (q, qObservation) = await AdmitWithReadingsAsync("a3-w3", "a3-w3-b2", "usr-a3-patient-2");
        using var client = Client(api.Tokens.Mint(
            [new Claim(CareStreamClaims.Subject, "usr-a3-patient"), new Claim(CareStreamClaims.Role, CareStreamRoles.Nurse),
             new Claim(FhirAccessResolver.PatientClaim, p.Value)],
            ["patient/Observation.rs", "patient/Patient.rs"]));

        var (ownStatus, own) = await client.GetAsync($"/fhir/Observation?patient={p.Value}");
        var (otherStatus, other) = await client.GetAsync($"/fhir/Observation?patient={q.Value}");
        var (readStatus, _) = await client.GetAsync($"/fhir/Observation/{qObservation}");
        var (patientStatus, _) = await client.GetAsync($"/fhir/Patient/{q.Value}");
        var (_, patients) = await client.GetAsync("/fhir/Patient?_count=100");

        Assert.Equal(200, ownStatus);
        Assert.Equal(2, AccessClient.EntryCount(own));
        Assert.Equal(200, otherStatus);
        Assert.Equal(0, AccessClient.EntryCount(other));
        Assert.Equal(404, readStatus);
        Assert.Equal(404, patientStatus);
        Assert.Equal([p.Value], Bundles.Ids(patients));
    }

    [Fact]
    public async Task GivenTokenWithoutObservationScope_WhenSearchingOrReading_ThenForbiddenWithOperationOutcome()
    {
        var (patient, observation) = await AdmitWithReadingsAsync("a3-w4", "a3-w4-b1", "usr-a3-none");
        using var client = Client(api.Tokens.ForUser("usr-a3-none", CareStreamRoles.Nurse, ["user/Patient.rs"]));

        var (searchStatus, search) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}");
        var (readStatus, read) = await client.GetAsync($"/fhir/Observation/{observation}");
        var (patientStatus, _) = await client.GetAsync($"/fhir/Patient/{patient.Value}");

        Assert.Equal(403, searchStatus);
        Assert.Equal("OperationOutcome", AccessClient.ResourceType(search));
        Assert.Equal(403, readStatus);
        Assert.Equal("OperationOutcome", AccessClient.ResourceType(read));
        Assert.Equal(200, patientStatus);
    }

    [Fact]
    public async Task GivenNoToken_WhenSearching_ThenUnauthorized()
    {
        var (patient, _) = await AdmitWithReadingsAsync("a3-w5", "a3-w5-b1", "usr-a3-anon");
        using var client = Client(null);

        var (status, body) = await client.GetAsync($"/fhir/Observation?patient={patient.Value}");

        Assert.Equal(401, status);
        Assert.Equal("OperationOutcome", AccessClient.ResourceType(body));
    }

    private AccessClient Client(string? token) => new(api.ClientFor(token));

    private async Task<(Domain.PatientId Patient, string Observation)> AdmitWithReadingsAsync(string ward, string bed, string nurse)
    {
        await api.AddStaffAsync(nurse, CareStreamRoles.Nurse, ward);
        var (patient, device) = await api.AdmitAsync(ward, bed, Seed.T0.AddHours(-1));
        var heartRate = Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0);
        await api.Writer.WriteAsync([heartRate, Seed.Reading(patient, device, VitalSignKind.RespiratoryRate, Seed.T0.AddMinutes(1), 16)], TestContext.Current.CancellationToken);
        return (patient, heartRate.ObservationId);
    }
}
