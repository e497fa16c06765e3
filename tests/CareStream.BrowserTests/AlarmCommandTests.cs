using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// The alarm and charting buttons send exactly the alarm-commands contract. The command endpoints live on another
/// branch, so the page's requests are intercepted (<c>page.RouteAsync</c>) and answered 202 or 500 here; the state
/// change itself arrives as an AlarmChanged push, which the end-to-end tests after the merge cover.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class AlarmCommandTests(LiveWardFixture fixture)
{
    private const string Commands = "**/api/patients/**";

    [Fact]
    public async Task GivenAHighAlarm_WhenAcknowledgeIsPressed_ThenItPostsToTheEpisodesAcknowledgeEndpoint()
    {
        var (ward, row) = await OpenWithBradycardiaAlarmAsync();
        var (patient, episode) = await IdsAsync(row);

        var request = await ward.Page.RunAndWaitForRequestAsync(
            () => row.Locator("button[data-action='acknowledge']").ClickAsync(), Commands);

        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/patients/{patient}/alarms/{episode}/acknowledge", new Uri(request.Url).AbsolutePath);
        await Expect(row.Locator(".alarm-message")).ToHaveTextAsync("Acknowledgement sent");
        await ward.ScreenshotAsync("ward-alarm-actions");
        await ward.Page.SetViewportSizeAsync(820, 1180);
        await ward.ScreenshotAsync("ward-alarm-actions-tablet");
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenAHighAlarm_WhenAudioPauseIsPressed_ThenItPostsTwoMinutes()
    {
        var (ward, row) = await OpenWithBradycardiaAlarmAsync();
        var (patient, episode) = await IdsAsync(row);

        var request = await ward.Page.RunAndWaitForRequestAsync(
            () => row.Locator("button[data-action='audio-pause']").ClickAsync(), Commands);

        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/patients/{patient}/alarms/{episode}/audio-pause", new Uri(request.Url).AbsolutePath);
        Assert.Equal(2, Body(request).GetProperty("minutes").GetInt32());
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenAHighAlarm_WhenAnnotatedAsFalsePositive_ThenItPostsTheAssessmentAndNote()
    {
        var (ward, row) = await OpenWithBradycardiaAlarmAsync();
        var (patient, episode) = await IdsAsync(row);
        await row.Locator("button[data-action='annotate']").ClickAsync();
        var dialog = ward.Page.Locator("#annotate-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("False positive").CheckAsync();
        await dialog.GetByLabel("Note (optional)").FillAsync("lead artefact during repositioning");

        var request = await ward.Page.RunAndWaitForRequestAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync(), Commands);

        Assert.Equal($"/api/patients/{patient}/alarms/{episode}/annotation", new Uri(request.Url).AbsolutePath);
        var body = Body(request);
        Assert.Equal("false-positive", body.GetProperty("assessment").GetString());
        Assert.Equal("lead artefact during repositioning", body.GetProperty("note").GetString());
        await Expect(dialog).ToBeHiddenAsync();
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenTheServerRefusesACommand_WhenAcknowledgeIsPressed_ThenTheRowSaysItWasNotSent()
    {
        var (ward, row) = await OpenWithBradycardiaAlarmAsync(status: 500);

        await row.Locator("button[data-action='acknowledge']").ClickAsync();

        await Expect(row.Locator(".alarm-message")).ToHaveTextAsync("Not sent (HTTP 500) — try again");
        await Expect(row.Locator("button[data-action='acknowledge']")).ToBeEnabledAsync();
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenThePatientView_WhenNews2ChartingIsSaved_ThenItPutsOxygenAcvpuAndScale()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        await ward.Page.RouteAsync(Commands, route => route.FulfillAsync(new() { Status = 202 }));
        var tile = ward.Tile(WardPage.Bed(1));
        await Expect(tile).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await tile.ClickAsync();
        var form = ward.Page.Locator("#charting-form");
        var patient = await ward.Page.Locator("#patient-view").GetAttributeAsync("data-patient");
        await form.GetByLabel("Supplemental oxygen").CheckAsync();
        await form.GetByLabel("New confusion").CheckAsync();
        await form.GetByLabel("Scale 2", new() { Exact = false }).CheckAsync();

        var request = await ward.Page.RunAndWaitForRequestAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "Save charting" }).ClickAsync(), Commands);

        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/patients/{patient}/charting", new Uri(request.Url).AbsolutePath);
        var body = Body(request);
        Assert.True(body.GetProperty("onOxygen").GetBoolean());
        Assert.Equal("C", body.GetProperty("consciousness").GetString());
        Assert.Equal(2, body.GetProperty("spo2Scale").GetInt32());
        await Expect(form.Locator(".form-status")).ToHaveTextAsync("Saved");
        await ward.Page.CloseAsync();
    }

    private async Task<(WardPage Ward, ILocator Row)> OpenWithBradycardiaAlarmAsync(int status = 202)
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        await ward.Page.RouteAsync(Commands, route => route.FulfillAsync(new() { Status = status }));
        var row = ward.AlarmRow(4, "high");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return (ward, row);
    }

    private static async Task<(string Patient, string Episode)> IdsAsync(ILocator row) =>
        (await row.GetAttributeAsync("data-patient") ?? "", await row.GetAttributeAsync("data-episode") ?? "");

    private static JsonElement Body(IRequest request) =>
        JsonDocument.Parse(request.PostData ?? throw new InvalidOperationException("The request has no body.")).RootElement;
}
