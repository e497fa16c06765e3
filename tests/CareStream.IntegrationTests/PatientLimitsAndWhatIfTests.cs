using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareStream.Auth;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.Messaging.Alerts;
using CareStream.Testing.Auth;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests;

/// <summary>
/// Per-patient limits and what-if replay through the real host (<c>--roles store,rules,api</c>) on real PostgreSQL:
/// a clinician's override is audited (who, when, previous and new), served back, and changes what the rules role raises;
/// a candidate rule set replayed over the ward's stored readings reports the alarms it would have raised.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PatientLimitsAndWhatIfTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Ward = "ward-test"; // RegistryRecords' ward

    [Fact]
    public async Task GivenALoweredHeartRateLimit_WhenPutByAClinician_ThenItIsAuditedServedAndRaisesAtTheNewLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, host, http) = await StartAsync("lim-dev-1", "lim-patient-1", "lim-bed-1", ct);
        await using var process = host;
        using var client = http;
        var limits = new Uri("/api/patients/lim-patient-1/limits", UriKind.Relative);

        using var invalid = await http.PutAsJsonAsync(limits, new { limits = new { heartRate = new { warningHigh = new { limit = 180, priority = "medium" } } }, by = "dr-4" }, ct);
        using var accepted = await http.PutAsJsonAsync(limits, new { limits = new { heartRate = new { warningHigh = new { limit = 110, priority = "medium", delaySeconds = 0 } } }, by = "dr-4" }, ct);
        var view = await PollAsync(http, limits, v => v.GetProperty("overrides").TryGetProperty("heartRate", out _), ct, host);
        var history = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/patients/lim-patient-1/limits/history", UriKind.Relative), ct);
        await PublishAsync(settings, "lim-patient-1", [Reading("lim-patient-1", "lim-dev-1", 115, DateTimeOffset.UtcNow)]);
        var raised = await WaitForRaiseAsync(settings, "limit.heartRate", ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("dr-4", view.GetProperty("changedBy").GetString());
        Assert.Equal(110, view.GetProperty("effective").GetProperty("heartRate").GetProperty("warningHigh").GetProperty("limit").GetDouble());
        var change = Assert.Single(history.EnumerateArray());
        Assert.Equal("dr-4", change.GetProperty("changedBy").GetString());
        Assert.Empty(change.GetProperty("previous").EnumerateObject());
        Assert.True(change.GetProperty("new").TryGetProperty("heartRate", out _));
        Assert.Equal("HeartRateHigh", raised);
    }

    [Fact]
    public async Task GivenStoredReadingsOfAWard_WhenACandidateWithALowerLimitIsReplayed_ThenItReportsTheAlarmsTheCurrentSetWouldNotRaise()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, host, http) = await StartAsync("wif-dev-1", "wif-patient-1", "wif-bed-1", ct);
        await using var process = host;
        using var client = http;
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await PublishAsync(settings, "wif-patient-1", Enumerable.Range(0, 30).Select(s => Reading("wif-patient-1", "wif-dev-1", 115, start.AddSeconds(s))));
        await PollAsync(http, new Uri("/fhir/Observation?patient=wif-patient-1&_summary=count", UriKind.Relative), b => b.GetProperty("total").GetInt32() == 30, ct);
        var candidate = new
        {
            id = "ward-test-candidate", version = 1, ward = Ward,
            limits = new { heartRate = new { warningHigh = new { limit = 110, priority = "medium" } } },
        };

        using var response = await http.PostAsJsonAsync(
            new Uri("/api/alarms/what-if", UriKind.Relative), new { ward = Ward, from = start.AddMinutes(-1), to = start.AddMinutes(5), ruleSet = candidate }, ct);
        var report = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, report.GetProperty("readings").GetInt32());
        var heartRate = report.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "limit.heartRate");
        Assert.Equal((0, 1), (heartRate.GetProperty("current").GetInt32(), heartRate.GetProperty("candidate").GetInt32()));
    }

    private async Task<(HostSettings Settings, CareStreamProcess Host, HttpClient Http)> StartAsync(
        string device, string patient, string bed, CancellationToken ct)
    {
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        await kafka.ProduceAsync(settings.Topics.Assignments, RegistryRecords.For(device, patient, bed));
        var host = CareStreamProcess.Start(settings.Values, "--roles", "store,rules,api");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), ct);
        // Limit changes are audited with the authenticated user as the actor: a physician's token, assigned to the
        // test ward (ward-based access applies to limits, what-if and the FHIR reads alike).
        await StaffAccounts.AssignAsync(postgres.ConnectionString, "dr-4", CareStreamRoles.Physician, [Ward], ct);
        var physician = host.Tokens.ForUser("dr-4", CareStreamRoles.Physician, TestTokens.ClinicianScopes, CareStreamProcess.ClientTokenLifetime);
        var http = host.CreateClient(physician, TimeSpan.FromSeconds(30));
        await StaffAccounts.WaitUntilVisibleAsync(http, patient, TimeSpan.FromSeconds(30), ct);
        return (settings, host, http);
    }

    private static async Task<JsonElement> PollAsync(
        HttpClient http, Uri uri, Func<JsonElement, bool> done, CancellationToken ct, CareStreamProcess? host = null)
    {
        var last = "(no answer)";
        for (var attempt = 0; attempt < 80; attempt++)
        {
            using var response = await http.GetAsync(uri, ct);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                if (done(body))
                {
                    return body;
                }
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{uri} did not reach the expected state within 20 s; last answer {last}\n{host?.Tail()}");
    }

    private static VitalSignReading Reading(string patient, string device, double heartRate, DateTimeOffset at)
    {
        var deviceId = new DeviceId(device);
        return new VitalSignReading(
            ObservationIdentity.ObservationId(deviceId, Mdc.EcgHeartRate, at), new PatientId(patient), deviceId,
            VitalSignKind.HeartRate, Mdc.EcgHeartRate, heartRate, at, ObservationStatus.Final);
    }

    private Task PublishAsync(HostSettings settings, string patient, IEnumerable<VitalSignReading> readings) =>
        kafka.ProduceAsync(settings.Topics.Observations, readings.Select(r =>
            KeyValuePair.Create(patient, Encoding.UTF8.GetString(CanonicalObservationWriter.ToUtf8Bytes([r])))));

    private async Task<string> WaitForRaiseAsync(HostSettings settings, string ruleId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var raised = kafka.ReadAll(settings.Topics.Alerts, int.MaxValue, TimeSpan.FromSeconds(1.5))
                .Select(r => AlarmEventCodec.Decode(r.Message.Value).Event)
                .FirstOrDefault(e => e.Episode.RuleId == ruleId);
            if (raised is not null)
            {
                return raised.Episode.Condition;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"No {ruleId} alarm on the alerts topic within 35 s.");
    }
}
