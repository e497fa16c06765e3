using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// Issue #6: "a simulated threshold crossing shows an alarm within 2 s". A monitor at a newly admitted patient's bed
/// sends normal heart rates until its tile is live, then one below the critical-low limit (40 /min, no delay in the
/// shipped rule set); the high alarm must be on screen within 2 s of the reading being accepted by the HTTP ingest
/// (normalizer, rules role, live role and SignalR push included). Latency figures live in docs/benchmarks.md; this is
/// the acceptance bound, not a benchmark.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class AlarmOnScreenLatencyTests(LiveWardFixture fixture)
{
    private const string Bed = "ward-1-bed-21";
    private const string Device = "monitor-latency-21";
    private const string Patient = "browser-latency-21";

    [Fact]
    public async Task GivenALiveBed_WhenItsHeartRateCrossesTheCriticalLowLimit_ThenTheHighAlarmIsOnScreenWithinTwoSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        using var http = fixture.Host.Client(fixture.Host.Tokens.Administrator());
        using var device = fixture.Host.Client(fixture.Host.Tokens.DeviceAdapter());
        var admitted = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Ok(await http.PostAsJsonAsync(new Uri("api/adt/beds", UriKind.Relative), new { wardId = "ward-1", wardName = "Ward 1", bedId = Bed, label = "Bed 21" }, ct));
        await Ok(await http.PostAsJsonAsync(new Uri($"api/adt/devices/{Device}/associate", UriKind.Relative), new { bedId = Bed, effectiveAt = admitted.AddSeconds(-10) }, ct));
        await Ok(await http.PostAsJsonAsync(new Uri("api/adt/admit", UriKind.Relative), new
        {
            patientId = Patient, medicalRecordNumber = "MRN-LAT-21", familyName = "Testpatient", givenName = "Latency",
            birthDate = "1970-01-01", gender = "unknown", bedId = Bed, effectiveAt = admitted,
        }, ct));
        var heartRate = ward.Parameter(Bed, "hr");
        for (var i = 0; i < 60 && !await IsLiveAsync(heartRate); i++)
        {
            await PostAsync(device, 72, ct);
            await Task.Delay(1000, ct);
        }

        await Expect(heartRate).ToHaveAttributeAsync("data-state", "live");
        var alarm = ward.Page.Locator($"#alarm-list li.alarm[data-patient='{Patient}'][data-priority='high']");

        var clock = Stopwatch.StartNew();
        await PostAsync(device, 30, ct);
        await Expect(alarm.First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var onScreen = clock.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"threshold crossing to alarm on screen: {onScreen.TotalMilliseconds:F0} ms");

        await ward.ScreenshotAsync("ward-alarm-latency");
        await ward.Page.CloseAsync();
        Assert.True(onScreen <= TimeSpan.FromSeconds(2), $"The alarm took {onScreen.TotalMilliseconds:F0} ms to reach the screen.");
    }

    /// <summary>Without waiting: the tile appears only once the bed's first reading reached the live role.</summary>
    private static async Task<bool> IsLiveAsync(Microsoft.Playwright.ILocator parameter) =>
        await parameter.CountAsync() > 0 && await parameter.GetAttributeAsync("data-state") == "live";

    private static async Task PostAsync(HttpClient http, double beatsPerMinute, CancellationToken ct)
    {
        var json = DeviceObservationWriter.ToUtf8Bytes(
            new DeviceId(Device), DateTimeOffset.UtcNow, ObservationStatus.Preliminary,
            [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, beatsPerMinute)]);
        using var content = new StringContent(Encoding.UTF8.GetString(json), Encoding.UTF8, "application/fhir+json");
        await Ok(await http.PostAsync(new Uri("fhir/Observation", UriKind.Relative), content, ct));
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
