using CareStream.Auth;
using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.FhirApi.IntegrationTests.Access;

/// <summary>
/// Guide A4, REST half: a nurse of one ward makes more than 500 requests for another ward's patients, beds and devices
/// across every read path of the FHIR API and receives 0 of their records; reads by id answer 404.
/// </summary>
public sealed class CrossWardLeakTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private const string Nurse = "usr-a4-nurse-w1";

    [Fact]
    public async Task GivenNurseOfWard1_WhenRequestingWard2DataOver500Times_ThenZeroRecordsLeak()
    {
        await api.AddStaffAsync(Nurse, CareStreamRoles.Nurse, "w1");
        var own = await AdmitWithReadingsAsync("w1", "w1-b1");
        var foreign = new List<(PatientId Patient, DeviceId Device, string Bed, string Observation)>();
        for (var i = 1; i <= 5; i++)
        {
            var bed = $"w2-b{i}";
            var (patient, device, observation) = await AdmitWithReadingsAsync("w2", bed);
            foreign.Add((patient, device, bed, observation));
        }

        using var nurse = new AccessClient(api.ClientFor(api.Tokens.Nurse(Nurse)));
        var from = Seed.T0.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var to = Seed.T0.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var searches = new List<string>();
        var reads = new List<string>();
        foreach (var (patient, device, bed, observation) in foreign)
        {
            var p = patient.Value;
            searches.AddRange([
                $"/fhir/Observation?patient={p}", $"/fhir/Observation?subject=Patient/{p}", $"/fhir/Observation?patient={p}&code=8867-4",
                $"/fhir/Observation?patient={p}&date=ge{from}&date=lt{to}", $"/fhir/Observation?patient={p}&_total=accurate",
                $"/fhir/Observation?patient={p}&category=vital-signs&_sort=date", $"/fhir/Observation?patient={p}&device=Device/{device.Value}",
                $"/fhir/Observation/$lastn?patient={p}&category=vital-signs", $"/fhir/Observation/$lastn?patient={p}&code=8867-4&max=10",
                $"/fhir/Patient/{p}/$news2-history?start={from}&end={to}", $"/fhir/Flag?patient={p}",
                $"/fhir/Patient?identifier=MRN-{p}", "/fhir/Patient?name=Synthetic&_count=100", "/fhir/Patient?_count=100",
                "/fhir/Location?_count=100", "/fhir/Location?partof=Location/ward-w2", $"/fhir/Device?identifier={device.Value}",
                $"/fhir/Device?location=Location/bed-{bed}", "/fhir/Device?_count=100", "/fhir/Flag?_count=100",
            ]);
            reads.AddRange([
                $"/fhir/Observation/{observation}", $"/fhir/Observation/{observation}/_history", $"/fhir/Observation/{observation}/_history/1",
                $"/fhir/Patient/{p}", $"/fhir/Device/{device.Value}", $"/fhir/Location/bed-{bed}", "/fhir/Location/ward-w2",
            ]);
        }

        var requests = 0;
        var leaked = 0;
        var foreignIds = foreign.SelectMany(f => new[] { f.Patient.Value, f.Device.Value, f.Observation }).ToArray();
        for (var round = 0; round < 4; round++)
        {
            foreach (var path in searches)
            {
                var (status, body) = await nurse.GetAsync(path);
                requests++;
                Assert.True(status == 200, $"{path}: {status}");
                leaked += Bundles.Resources(body).Count(r => foreignIds.Any(id => r.GetRawText().Contains(id, StringComparison.Ordinal))
                    || r.GetRawText().Contains("w2", StringComparison.Ordinal));
            }

            foreach (var path in reads)
            {
                var (status, body) = await nurse.GetAsync(path);
                requests++;
                Assert.True(status == 404, $"{path}: {status}");
                Assert.Equal("OperationOutcome", AccessClient.ResourceType(body));
            }
        }

        foreach (var (patient, _, _, _) in foreign)
        {
            var (status, trend) = await nurse.GetAsync($"/fhir/Observation/$trend?patient={patient.Value}&code=8867-4&period={from}/{to}");
            requests++;
            Assert.Equal(200, status);
            Assert.DoesNotContain("\"point\"", trend.GetRawText(), StringComparison.Ordinal);
        }

        var (ownStatus, ownBundle) = await nurse.GetAsync($"/fhir/Observation?patient={own.Patient.Value}");
        var (_, ownPatients) = await nurse.GetAsync("/fhir/Patient?_count=100");
        using var admin = new AccessClient(api.ClientFor(api.Tokens.Administrator()));
        var (_, adminForeign) = await admin.GetAsync($"/fhir/Observation?patient={foreign[0].Patient.Value}");

        Assert.True(requests >= 500, $"only {requests} requests");
        Assert.Equal(0, leaked);
        Assert.Equal(200, ownStatus);
        Assert.Equal(2, AccessClient.EntryCount(ownBundle));
        Assert.Equal([own.Patient.Value], Bundles.Ids(ownPatients));
        Assert.Equal(2, AccessClient.EntryCount(adminForeign));
    }

    private async Task<(PatientId Patient, DeviceId Device, string Observation)> AdmitWithReadingsAsync(string ward, string bed)
    {
        var (patient, device) = await api.AdmitAsync(ward, bed, Seed.T0.AddHours(-2));
        var heartRate = Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0);
        await api.Writer.WriteAsync([heartRate, Seed.Reading(patient, device, VitalSignKind.OxygenSaturation, Seed.T0.AddMinutes(1), 97)], TestContext.Current.CancellationToken);
        return (patient, device, heartRate.ObservationId);
    }
}
