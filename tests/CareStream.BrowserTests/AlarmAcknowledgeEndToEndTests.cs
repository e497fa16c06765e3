using System.Net;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// The acknowledgement path end to end, with nothing intercepted: the nurse presses Acknowledge on a real alarm, the
/// command travels through Kafka to the rules role that owns the patient, the acknowledged state comes back to the
/// screen as a push, and the store role keeps it (the alarm is served as a FHIR Flag carrying who acknowledged it).
/// The tachycardia bed is used so the bradycardia alarm other tests rely on stays unacknowledged.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class AlarmAcknowledgeEndToEndTests(LiveWardFixture fixture)
{
    private const int TachycardiaBed = 5;
    private const string AcknowledgedExtension = "https://carestream.dev/fhir/StructureDefinition/alarm-acknowledged";

    [Fact]
    public async Task GivenARealAlarm_WhenAcknowledgedOnTheDashboard_ThenTheScreenShowsItAndTheStoreKeepsItAsAnAcknowledgedFlag()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var row = ward.Page.Locator("#alarm-list li.alarm").Filter(new() { HasText = $"Bed {TachycardiaBed}" }).First;
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var episode = await row.GetAttributeAsync("data-episode") ?? throw new InvalidOperationException("The alarm row has no episode id.");
        var condition = await row.Locator(".alarm-condition").InnerTextAsync();

        await row.Locator("button[data-action='acknowledge']").ClickAsync();

        var acknowledged = ward.Page.Locator($"#alarm-list li.alarm[data-episode='{episode}'] button[data-action='acknowledge']");
        await Expect(acknowledged).ToBeDisabledAsync(new() { Timeout = 15_000 });
        var flag = await StoredFlagAsync(episode, TestContext.Current.CancellationToken);
        Assert.Contains(
            flag.GetProperty("extension").EnumerateArray(),
            e => e.GetProperty("url").GetString() == AcknowledgedExtension);
        await ward.ScreenshotAsync("ward-alarm-acknowledged");
        await ward.Tile(WardPage.Bed(TachycardiaBed)).ClickAsync();
        var history = ward.Page.Locator("#patient-view #alarm-history");
        await Expect(history).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 15_000 });
        await Expect(history).ToContainTextAsync(condition);
        await ward.Page.CloseAsync();
    }

    /// <summary>Polls <c>/fhir/Flag/{episode}</c> until the store has the acknowledgement (the store role batches).</summary>
    private async Task<JsonElement> StoredFlagAsync(string episode, CancellationToken cancellationToken)
    {
        using var http = fixture.Host.Client(fixture.Host.Tokens.Administrator());
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        string last = "(no answer)";
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"fhir/Flag/{episode}", UriKind.Relative), cancellationToken);
            last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            if (response.StatusCode == HttpStatusCode.OK && last.Contains(AcknowledgedExtension, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                return json.RootElement.Clone();
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"Flag/{episode} was not stored as acknowledged within 20 s; last answer {last}");
    }
}
