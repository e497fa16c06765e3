using CareStream.Auth.Server;
using Microsoft.Playwright;

namespace CareStream.BrowserTests;

/// <summary>The dashboard as a test reads it: tiles by bed id, parameters by key (hr, spo2, rr, nibp, temp).</summary>
public sealed class WardPage(IPage page)
{
    public const string NoData = "no data";

    public IPage Page { get; } = page;

    public ILocator Banner => Page.Locator("#connection-banner");

    /// <summary>The demo account the tests sign in with: a charge nurse assigned to ward-1 and ward-2.</summary>
    public const string DefaultUser = "charge.carla";

    /// <summary>
    /// Opens the dashboard and signs in through the embedded server, as a person does: the page redirects to
    /// <c>/account/login</c> (code + PKCE), the form is filled with a demo account, and the page comes back signed in.
    /// Cookies are cleared first, so every test really logs in (a remembered login would skip the form).
    /// </summary>
    public static async Task<WardPage> OpenAsync(Chromium browser, Uri baseAddress, string query = "", string userName = DefaultUser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var account = DemoIdentities.Users.Single(u => u.UserName == userName);
        await browser.Context.ClearCookiesAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/" + query).ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await page.FillAsync("input[name=username]", account.UserName);
        await page.FillAsync("input[name=password]", account.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#user-name")).ToHaveTextAsync(account.DisplayName, new() { Timeout = 15_000 });
        return new WardPage(page);
    }

    public static string Bed(int number) => $"ward-1-bed-{number:00}";

    public ILocator Tile(string bed) => Page.Locator($"article.tile[data-bed='{bed}']");

    /// <summary>The first alarm row of a priority for a bed ("Bed 4").</summary>
    public ILocator AlarmRow(int bed, string priority) =>
        Page.Locator($"#alarm-list li.alarm[data-priority='{priority}']").Filter(new() { HasText = $"Bed {bed}" }).First;

    public ILocator Parameter(string bed, string key) => Tile(bed).Locator($"[data-param='{key}']");

    public ILocator Value(string bed, string key) => Parameter(bed, key).Locator(".value");

    /// <summary>Epoch milliseconds of the reading a parameter shows (empty when it shows "no data").</summary>
    public async Task<long?> EffectiveAtAsync(string bed, string key) =>
        await Parameter(bed, key).GetAttributeAsync("data-at") is { Length: > 0 } at ? long.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Saves a PNG (full page, or the viewport for a modal) under TestResults/screenshots; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
