using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>The ward screen by keyboard only: Tab reaches the header controls (ward, sound, sign-out), the alarm buttons and the tiles; Enter acts; Esc returns.</summary>
[Collection(LiveWardCollection.Name)]
public sealed class KeyboardTests(LiveWardFixture fixture)
{
    private const int MaxTabs = 80;

    [Fact]
    public async Task GivenAnOpenAlarm_WhenTabbingFromTheTop_ThenFocusGoesWardSoundSignOutThenAlarmButtons()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        await ward.Page.RouteAsync("**/api/patients/**", route => route.FulfillAsync(new() { Status = 202 }));
        await Expect(ward.AlarmRow(4, "high")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await ward.Page.Keyboard.PressAsync("Tab");
            order.Add(await FocusedAsync(ward.Page));
        }

        Assert.Equal(["select#ward-select", "button#sound-enable", "button#sound-mute", "button#sign-out"], order[..4]);
        // Then the first alarm row's first button: Acknowledge, or Audio pause when another test on this shared host
        // already acknowledged the oldest high alarm (the bar sorts by priority, then age).
        Assert.Contains(order[4], new[] { "button.acknowledge", "button.audio-pause" });
    }

    [Fact]
    public async Task GivenAnOpenAlarm_WhenItsAcknowledgeButtonIsReachedByTabAndEnterIsPressed_ThenTheAcknowledgementIsSent()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        await ward.Page.RouteAsync("**/api/patients/**", route => route.FulfillAsync(new() { Status = 202 }));
        var row = ward.AlarmRow(4, "high");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var episode = await row.GetAttributeAsync("data-episode");

        var reached = await TabUntilAsync(ward.Page,
            $"document.activeElement.matches(\"li.alarm[data-episode='{episode}'] button[data-action='acknowledge']\")");
        Assert.True(reached, "Tab never reached the bed 4 alarm's Acknowledge button.");
        await Expect(row.Locator("button[data-action='acknowledge']")).ToHaveAttributeAsync("aria-label", "Acknowledge HIGH HeartRateLow, Bed 4");

        var request = await ward.Page.RunAndWaitForRequestAsync(() => ward.Page.Keyboard.PressAsync("Enter"), "**/api/patients/**");

        Assert.EndsWith($"/alarms/{episode}/acknowledge", new Uri(request.Url).AbsolutePath, StringComparison.Ordinal);
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenATile_WhenReachedByTabAndEnterIsPressed_ThenThePatientViewOpensAndEscReturnsToTheTile()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var bed = WardPage.Bed(2);
        await Expect(ward.Tile(bed)).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var reached = await TabUntilAsync(ward.Page, $"document.activeElement.matches(\"article.tile[data-bed='{bed}']\")");
        Assert.True(reached, "Tab never reached bed 2's tile.");
        await ward.Page.Keyboard.PressAsync("Enter");

        var dialog = ward.Page.Locator("#patient-view");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#patient-title")).ToContainTextAsync("Bed 2");
        await ward.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(bed, await ward.Page.EvaluateAsync<string>("document.activeElement.dataset.bed"));
        await ward.Page.CloseAsync();
    }

    private static async Task<bool> TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition))
            {
                return true;
            }
        }

        return false;
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          return e.dataset.action ? `button.${e.dataset.action}` : `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`;
        }
        """);
}
