using CareStream.Auth;
using CareStream.Testing.Auth;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.Live.Hubs;
using CareStream.Messaging.Alerts;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.IntegrationTests;

/// <summary>
/// Clinician commands through the real host (<c>--roles rules,live,api</c>): the HTTP API publishes to the command
/// topic, the rules consumer that owns the patient applies it, and its audited effect appears on the alerts topic
/// exactly once and at a dashboard following the ward; charting changes the NEWS2 outcome.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AlarmCommandTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Ward = "ward-test"; // RegistryRecords' ward

    [Fact]
    public async Task GivenARaisedLimitAlarm_WhenAcknowledgedThroughTheApi_ThenOneAcknowledgedEventWithTheUserReachesTheAlertsTopicAndTheDashboard()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, host, http) = await StartAsync("cmd-dev-1", "cmd-patient-1", "cmd-bed-1", ct);
        await using var process = host;
        using var client = http;
        var seen = new ConcurrentQueue<AlarmNotification>();
        await using var dashboard = await FollowAsync(host, seen, ct);

        await PublishAsync(settings, "cmd-patient-1", [Reading("cmd-patient-1", "cmd-dev-1", VitalSignKind.HeartRate, Mdc.EcgHeartRate, 35, DateTimeOffset.UtcNow)]);
        var raised = (await WaitForAlertAsync(settings, e => e is AlarmRaised { Episode.RuleId: "limit.heartRate" }, ct)).Episode;
        using var missing = await http.PostAsJsonAsync(new Uri($"/api/patients/cmd-patient-1/alarms/{raised.EpisodeId}/audio-pause", UriKind.Relative), new { minutes = 11 }, ct);
        using var response = await http.PostAsJsonAsync(new Uri($"/api/patients/cmd-patient-1/alarms/{raised.EpisodeId}/acknowledge", UriKind.Relative), new { by = "nurse-7" }, ct);
        var commandId = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("commandId").GetString();
        var acknowledged = await WaitForAlertAsync(settings, e => e is AlarmAcknowledged && e.Episode.EpisodeId == raised.EpisodeId, ct);
        await WaitUntilAsync(() => seen.Any(n => n.Type == "acknowledged"), ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // room for a duplicate to show up
        var all = ReadAlerts(settings, TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("minutes", out _));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", commandId);
        Assert.Equal("nurse-7", ((AlarmAcknowledged)acknowledged).AcknowledgedBy);
        Assert.Equal(AlarmStatus.Acknowledged, acknowledged.Episode.Status);
        Assert.Single(all, e => e is AlarmAcknowledged && e.Episode.EpisodeId == raised.EpisodeId);
        var pushed = Assert.Single(seen, n => n.Type == "acknowledged");
        Assert.Equal(("nurse-7", "nurse-7", raised.EpisodeId), (pushed.AcknowledgedBy, pushed.By, pushed.EpisodeId));
        Assert.NotNull(pushed.AcknowledgedAt);
    }

    [Fact]
    public async Task GivenNews2OfFourOnAir_WhenOxygenIsChartedThroughTheApi_ThenAMediumNews2AlarmIsRaised()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, host, http) = await StartAsync("cmd-dev-2", "cmd-patient-2", "cmd-bed-2", ct);
        await using var process = host;
        using var client = http;
        var charting = new Uri("/api/patients/cmd-patient-2/charting", UriKind.Relative);

        using var invalid = await http.PutAsJsonAsync(charting, new { consciousness = "X", spo2Scale = 3 }, ct);
        using var onAir = await http.PutAsJsonAsync(charting, new { onOxygen = false, consciousness = "A", spo2Scale = 1, by = "nurse-7" }, ct);
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(settings, "cmd-patient-2", [
            Reading("cmd-patient-2", "cmd-dev-2", VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate, 22, now),       // 2
            Reading("cmd-patient-2", "cmd-dev-2", VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 95, now), // 1 (scale 1)
            Reading("cmd-patient-2", "cmd-dev-2", VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic, 105, now), // 1
            Reading("cmd-patient-2", "cmd-dev-2", VitalSignKind.HeartRate, Mdc.EcgHeartRate, 60, now),                // 0
            Reading("cmd-patient-2", "cmd-dev-2", VitalSignKind.BodyTemperature, Mdc.BodyTemperature, 37, now)]);      // 0
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        var beforeOxygen = ReadAlerts(settings, TimeSpan.FromSeconds(2));
        using var onOxygen = await http.PutAsJsonAsync(charting, new { onOxygen = true, by = "nurse-7" }, ct);
        var news2 = (AlarmRaised)await WaitForAlertAsync(settings, e => e is AlarmRaised { Episode.RuleId: "news2" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("consciousness", out _) && errors.TryGetProperty("spo2Scale", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Accepted, onAir.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, onOxygen.StatusCode);
        Assert.DoesNotContain(beforeOxygen, e => e.Episode.RuleId == "news2");
        Assert.Equal(AlarmPriority.Medium, news2.Episode.Priority);
        Assert.StartsWith("NEWS2 6 ", news2.Detail, StringComparison.Ordinal);
    }

    private async Task<(HostSettings Settings, CareStreamProcess Host, HttpClient Http)> StartAsync(
        string device, string patient, string bed, CancellationToken ct)
    {
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        await kafka.ProduceAsync(settings.Topics.Assignments, RegistryRecords.For(device, patient, bed));
        // store: the registry it writes is what ward-based access checks the patient's ward against.
        var host = CareStreamProcess.Start(settings.Values, "--roles", "store,rules,live,api");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), ct);
        // The command's actor is the authenticated user (the body's "by" only without a token): a nurse's token, and
        // the nurse is assigned to the patient's ward (RegistryRecords' "ward-test").
        await StaffAccounts.AssignAsync(postgres.ConnectionString, "nurse-7", CareStreamRoles.Nurse, ["ward-test"], ct);
        var http = host.CreateClient(host.NurseToken("nurse-7"), TimeSpan.FromSeconds(30));
        await StaffAccounts.WaitUntilVisibleAsync(http, patient, TimeSpan.FromSeconds(30), ct);
        return (settings, host, http);
    }

    private static async Task<HubConnection> FollowAsync(CareStreamProcess host, ConcurrentQueue<AlarmNotification> seen, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.AdministratorToken())).Build();
        connection.On<AlarmNotification>(nameof(IWardClient.AlarmChanged), seen.Enqueue);
        await connection.StartAsync(ct);
        await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), Ward, ct);
        return connection;
    }

    private static VitalSignReading Reading(string patient, string device, VitalSignKind kind, int mdc, double value, DateTimeOffset at)
    {
        var deviceId = new DeviceId(device);
        return new VitalSignReading(
            ObservationIdentity.ObservationId(deviceId, Mdc.BloodPressurePanelOf(mdc) is > 0 and var panel ? panel : mdc, at), new PatientId(patient), deviceId, kind, mdc, value, at, ObservationStatus.Final);
    }

    private Task PublishAsync(HostSettings settings, string patient, IEnumerable<VitalSignReading> readings) =>
        kafka.ProduceAsync(settings.Topics.Observations, readings.Select(r =>
            KeyValuePair.Create(patient, Encoding.UTF8.GetString(CanonicalObservationWriter.ToUtf8Bytes([r])))));

    private List<AlarmEvent> ReadAlerts(HostSettings settings, TimeSpan timeout) =>
        [.. kafka.ReadAll(settings.Topics.Alerts, int.MaxValue, timeout).Select(r => AlarmEventCodec.Decode(r.Message.Value).Event)];

    private async Task<AlarmEvent> WaitForAlertAsync(HostSettings settings, Func<AlarmEvent, bool> match, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (ReadAlerts(settings, TimeSpan.FromSeconds(1.5)).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("The expected alarm event did not appear on the alerts topic within 35 s.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.True(condition(), "timed out after 20 s");
    }
}
