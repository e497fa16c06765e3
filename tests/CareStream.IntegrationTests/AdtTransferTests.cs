using System.Net;
using System.Text;
using System.Text.Json;
using CareStream.Messaging;

namespace CareStream.IntegrationTests;

/// <summary>
/// The ADT registry API through the real host, and attribution by effective time: a patient transferred between
/// beds mid-stream keeps the readings of each bed's device for the time they lay there, even when the readings
/// arrive only after the transfer was recorded.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AdtTransferTests(IngestHost host) : IClassFixture<IngestHost>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAPatientTransferredAtT5_WhenReadingsFromT0ToT9ArriveLate_ThenEachIsAttributedByItsEffectiveTime()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var bed in new[] { "adt-bed-a", "adt-bed-b", "adt-bed-c" })
        {
            await Accepted(host.PostAdtAsync("/beds", new { wardId = "adt-ward", wardName = "ADT ward", bedId = bed, label = bed.ToUpperInvariant() }));
            await Accepted(host.PostAdtAsync($"/devices/{bed.Replace("bed", "dev", StringComparison.Ordinal)}/associate", new { bedId = bed, effectiveAt = T0.AddHours(-1) }));
        }

        await Accepted(host.PostAdtAsync("/admit", Admission("adt-p1", "adt-bed-a", T0)));
        await Accepted(host.PostAdtAsync("/admit", Admission("adt-p2", "adt-bed-b", T0)));
        using var occupied = await host.PostAdtAsync("/transfer", new { patientId = "adt-p1", bedId = "adt-bed-b", effectiveAt = T0.AddMinutes(5) });
        var transfer = await Accepted(host.PostAdtAsync("/transfer", new { patientId = "adt-p1", bedId = "adt-bed-c", effectiveAt = T0.AddMinutes(5) }));

        // Readings t0..t9 from every bed's monitor, published only now (after the transfer), in batch Bundles.
        foreach (var device in new[] { "adt-dev-a", "adt-dev-b", "adt-dev-c" })
        {
            using var response = await host.PostFhirAsync("/fhir", IngestHost.Bundle("batch",
                Enumerable.Range(0, 10).Select(m => IngestHost.Observation(device, T0.AddMinutes(m), 60 + m))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var p1 = await FhirClient.WaitForObservationsAsync(host.Http, "adt-p1", 10, TimeSpan.FromSeconds(40), ct);
        var p2 = await FhirClient.WaitForObservationsAsync(host.Http, "adt-p2", 10, TimeSpan.FromSeconds(20), ct);
        var held = host.Kafka.ReadAll(host.Settings.Topics.UnassociatedObservations, expected: 10, TimeSpan.FromSeconds(20));
        var deadLetters = host.Kafka.ReadAll(host.Settings.Topics.ObservationsDeadLetter, expected: 1, TimeSpan.FromSeconds(2));
        var kept = await KeptAsync(["adt-dev-a", "adt-dev-c"], expected: 10, ct);

        Assert.Equal(HttpStatusCode.Conflict, occupied.StatusCode);
        Assert.Contains("occupied by patient adt-p2", (await IngestHost.JsonAsync(occupied)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var published = transfer.GetProperty("published").EnumerateArray()
            .Select(r => (r.GetProperty("device").GetString(), r.TryGetProperty("patient", out var p) ? p.GetString() : null)).ToArray();
        Assert.Equal([("adt-dev-a", null), ("adt-dev-c", "adt-p1")], published);
        Assert.Equal(
            [.. Enumerable.Range(0, 5).Select(m => ("Device/adt-dev-a", m)), .. Enumerable.Range(5, 5).Select(m => ("Device/adt-dev-c", m))],
            Readings(p1));
        Assert.Equal([.. Enumerable.Range(0, 10).Select(m => ("Device/adt-dev-b", m))], Readings(p2));
        // Monitor A after t5 and monitor C before t5 had no patient: kept device-only on the unassociated topic with
        // their bed, never misattributed and never dead-lettered; each device's first one raises the technical event.
        Assert.Empty(deadLetters);
        Assert.Equal(
            [.. Enumerable.Range(5, 5).Select(m => $"adt-dev-a@{m}"), .. Enumerable.Range(0, 5).Select(m => $"adt-dev-c@{m}")],
            held.Select(d => $"{d.Message.Key}@{EffectiveMinute(d.Message.Value)}").Order(StringComparer.Ordinal));
        Assert.All(held, d => Assert.Equal(
            ("adt-ward", d.Message.Key.Replace("dev", "bed", StringComparison.Ordinal)),
            (Header(d.Message.Headers, KafkaHeaders.Ward), Header(d.Message.Headers, KafkaHeaders.Bed))));
        Assert.Equal(
            ["adt-dev-a", "adt-dev-c"],
            held.Where(d => Header(d.Message.Headers, KafkaHeaders.Event) == KafkaHeaders.DeviceUnassociatedEvent).Select(d => d.Message.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            [.. Enumerable.Range(5, 5).Select(m => ("adt-dev-a", "adt-bed-a", m)), .. Enumerable.Range(0, 5).Select(m => ("adt-dev-c", "adt-bed-c", m))],
            kept);
    }

    // The store role keeps held readings in unassociated_reading (waits for the batch to land).
    private async Task<(string Device, string? Bed, int Minute)[]> KeptAsync(string[] devices, int expected, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        var rows = new List<(string, string?, int)>();
        while (true)
        {
            rows.Clear();
            await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT device_id, bed_id, effective_at FROM unassociated_reading WHERE device_id = ANY(@devices) ORDER BY device_id, effective_at", connection);
            command.Parameters.AddWithValue("devices", devices);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    (int)(reader.GetFieldValue<DateTimeOffset>(2) - T0).TotalMinutes));
            }

            if (rows.Count >= expected || DateTimeOffset.UtcNow > deadline)
            {
                return [.. rows];
            }

            await Task.Delay(200, ct);
        }
    }

    [Fact]
    public async Task GivenInvalidOrImpossibleAdtCommands_WhenPosted_ThenProblemDetailsNameTheProblemAndNothingIsPublished()
    {
        await Accepted(host.PostAdtAsync("/beds", new { wardId = "adt-ward-2", wardName = "Ward 2", bedId = "adt-bed-empty", label = "E" }));

        using var missing = await host.PostAdtAsync("/admit", new { patientId = "adt-p9", bedId = "adt-bed-empty" });
        using var badId = await host.PostAdtAsync("/beds", new { wardId = "ward 2!", wardName = "W", bedId = "b", label = "B" });
        using var unknownBed = await host.PostAdtAsync("/transfer", new { patientId = "adt-p9", bedId = "adt-bed-nowhere", effectiveAt = T0 });
        using var noDevice = await host.PostAdtAsync("/admit", Admission("adt-p9", "adt-bed-empty", T0));
        using var notAdmitted = await host.PostAdtAsync("/discharge", new { patientId = "adt-p9", effectiveAt = T0 });
        using var unknownDevice = await host.PostAdtAsync("/devices/adt-dev-never/dissociate", new { effectiveAt = T0 });

        var missingErrors = (await IngestHost.JsonAsync(missing)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(missingErrors.TryGetProperty("effectiveAt", out _), missingErrors.ToString());
        Assert.True(missingErrors.TryGetProperty("birthDate", out _), missingErrors.ToString());
        Assert.True(missingErrors.TryGetProperty("gender", out _), missingErrors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.True((await IngestHost.JsonAsync(badId)).GetProperty("errors").TryGetProperty("wardId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownBed.StatusCode);
        Assert.Contains("adt-bed-nowhere is not registered", await Detail(unknownBed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, noDevice.StatusCode);
        Assert.Contains("has no associated device", await Detail(noDevice), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, notAdmitted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDevice.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private static object Admission(string patient, string bed, DateTimeOffset at) => new
    {
        patientId = patient, medicalRecordNumber = "MRN-" + patient, familyName = "Testperson", givenName = "Synthetic",
        birthDate = "1970-01-01", gender = "female", bedId = bed, effectiveAt = at,
    };

    private static async Task<JsonElement> Accepted(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await IngestHost.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await IngestHost.JsonAsync(response)).GetProperty("detail").GetString()!;

    private static (string Device, int Minute)[] Readings(JsonElement[] observations) =>
        [.. observations
            .Select(o => (o.GetProperty("device").GetProperty("reference").GetString()!,
                (int)(DateTimeOffset.Parse(o.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - T0).TotalMinutes))
            .Order()];

    private static int EffectiveMinute(byte[] observation)
    {
        using var document = JsonDocument.Parse(observation);
        var effective = DateTimeOffset.Parse(document.RootElement.GetProperty("effectiveDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return (int)(effective - T0).TotalMinutes;
    }

    private static string? Header(Confluent.Kafka.Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var value) ? Encoding.UTF8.GetString(value) : null;
}
