using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Fhir.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Npgsql;

namespace CareStream.IntegrationTests;

/// <summary>
/// Alarm events published on the alerts topic are stored by the store role (once, even when redelivered) and served by
/// the API role as FHIR Flags; an undecodable record is dead-lettered.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AlarmStoreHostTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAlarmEventsOnTheAlertsTopicTwice_WhenTheStoreAndApiRun_ThenEachIsStoredOnceAndServedAsAFlag()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var host = CareStreamProcess.Start(settings.Values, "--roles", "store,api");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);
        using var http = host.CreateClient();

        var patient = new PatientId($"alarm-store-{suffix}");
        var resolvedId = $"ep-res-{suffix}";
        var openId = $"ep-open-{suffix}";
        var raised = Episode(resolvedId, patient, AlarmPriority.High);
        var acknowledged = raised with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = T0.AddMinutes(1), AcknowledgedBy = "nurse-1" };
        var resolved = acknowledged with { Status = AlarmStatus.Resolved, ConditionActive = false, ResolvedAt = T0.AddMinutes(2) };
        AlarmEvent[] events =
        [
            new AlarmRaised($"{resolvedId}-r", raised, T0, "SpO2 82 %", ["obs-1"]),
            new AlarmAcknowledged($"{resolvedId}-a", acknowledged, T0.AddMinutes(1), "nurse-1"),
            new AlarmResolved($"{resolvedId}-x", resolved, T0.AddMinutes(2), "cleared"),
            new AlarmRaised($"{openId}-r", Episode(openId, patient, AlarmPriority.Medium), T0.AddMinutes(3), "HR 135", []),
        ];
        var records = events.Select(e => KeyValuePair.Create(patient.Value, Encoding.UTF8.GetString(AlarmEventCodec.Encode(e, new WardId("w1"), new BedId("b1"))))).ToList();
        await kafka.ProduceAsync(settings.Topics.Alerts, records);
        await kafka.ProduceAsync(settings.Topics.Alerts, [.. records, KeyValuePair.Create(patient.Value, "{\"schemaVersion\":1,\"type\":\"raised\"}")]);

        var deadLetters = kafka.ReadAll(settings.Topics.ObservationsDeadLetter, 1, TimeSpan.FromSeconds(60));
        var closed = await WaitForFlagAsync(http, resolvedId, f => f.GetProperty("status").GetString() == "inactive", ct);
        var open = await WaitForFlagAsync(http, openId, _ => true, ct);
        using var search = await FhirClient.GetJsonAsync(http, $"/fhir/Flag?patient={patient}&status=active", ct);

        Assert.True(closed.HasValue, "The resolved alarm was not served as an inactive Flag within 60 s:\n" + host.Tail());
        Assert.Equal(FlagPriority.High, PriorityCode(closed.Value));
        Assert.True(open.HasValue);
        Assert.Equal("active", open.Value.GetProperty("status").GetString());
        Assert.Equal(FlagPriority.Medium, PriorityCode(open.Value));
        Assert.Equal([openId], search.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()));
        var deadLetter = Assert.Single(deadLetters);
        Assert.Equal(
            "InvalidAlarmRecord",
            Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes(KafkaHeaders.ErrorCode)));
        Assert.Equal(4, await CountEventsAsync(patient, ct));
    }

    private static async Task<JsonElement?> WaitForFlagAsync(HttpClient http, string id, Func<JsonElement, bool> done, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var response = await http.GetAsync(new Uri($"/fhir/Flag/{id}", UriKind.Relative), ct);
            if (response.IsSuccessStatusCode)
            {
                var flag = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
                if (done(flag))
                {
                    return flag;
                }
            }

            await Task.Delay(250, ct);
        }

        return null;
    }

    private static string? PriorityCode(JsonElement flag) => flag.GetProperty("extension").EnumerateArray()
        .Where(e => e.GetProperty("url").GetString() == AlarmFhirCodes.FlagPriorityExtension)
        .Select(e => e.GetProperty("valueCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString()).SingleOrDefault();

    private async Task<long> CountEventsAsync(PatientId patient, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM alarm_event WHERE patient_id = @p", connection);
        command.Parameters.AddWithValue("p", patient.Value);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static AlarmEpisode Episode(string id, PatientId patient, AlarmPriority priority) => new(
        id, "limit.spo2", 1, patient, AlarmCategory.Physiological, priority, "OxygenSaturationLow", Latching: false,
        AlarmStatus.Raised, T0.AddSeconds(-10), T0, ConditionActive: true, EscalationLevel: 0, T0, null, null, null, null);
}
