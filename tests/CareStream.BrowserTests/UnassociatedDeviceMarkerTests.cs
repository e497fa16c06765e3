using System.Net.Http.Json;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// A monitor placed at a bed with no patient admitted publishes through the HTTP ingest: the normalizer keeps the
/// readings device-only with the <c>device-unassociated</c> event, the live role marks that bed, and the tile says
/// "Device sending without a patient" (text, icon, status role).
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class UnassociatedDeviceMarkerTests(LiveWardFixture fixture)
{
    private const string Bed = "ward-1-bed-20";
    private const string Device = "monitor-unassociated-20";

    [Fact]
    public async Task GivenADeviceInABedWithoutAPatient_WhenItPublishes_ThenTheTileShowsTheUnassociatedMarker()
    {
        var ct = TestContext.Current.CancellationToken;
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        using var http = fixture.Host.Client(fixture.Host.Tokens.Administrator());
        using var device = fixture.Host.Client(fixture.Host.Tokens.DeviceAdapter());
        var now = DateTimeOffset.UtcNow;
        await Ok(await http.PostAsJsonAsync(new Uri("api/adt/beds", UriKind.Relative), new { wardId = "ward-1", wardName = "Ward 1", bedId = Bed, label = "Bed 20" }, ct));
        await Ok(await http.PostAsJsonAsync(new Uri($"api/adt/devices/{Device}/associate", UriKind.Relative), new { bedId = Bed, effectiveAt = now.AddMinutes(-1) }, ct));

        // Published until the marker shows: if the first reading reaches the normalizer before the association, its
        // event has no bed and the next one comes a minute later.
        await Task.Delay(3000, ct);
        var tile = ward.Tile(Bed);
        var marker = tile.Locator(".device-marker");
        for (var i = 0; i < 90 && !await marker.IsVisibleAsync(); i++)
        {
            using var content = new StringContent(Observation(DateTimeOffset.UtcNow), Encoding.UTF8, "application/fhir+json");
            await Ok(await device.PostAsync(new Uri("fhir/Observation", UriKind.Relative), content, ct));
            await Task.Delay(1000, ct);
        }

        await Expect(marker).ToBeVisibleAsync();
        await Expect(marker).ToHaveTextAsync("⚠Device sending without a patient");
        await Expect(marker).ToHaveAttributeAsync("role", "status");
        await Expect(tile).ToHaveAttributeAsync("data-unassociated", Device);
        await Expect(tile.Locator(".patient")).ToHaveTextAsync("no patient");
        await ward.ScreenshotAsync("ward-unassociated-device");
        await ward.Page.CloseAsync();
    }

    private static string Observation(DateTimeOffset at) =>
        Encoding.UTF8.GetString(DeviceObservationWriter.ToUtf8Bytes(
            new DeviceId(Device), at, ObservationStatus.Preliminary, [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72)]));

    private static async Task Ok(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
