using Microsoft.Playwright;

namespace CareStream.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright: the system browser, never one Playwright downloads
/// (<c>playwright install</c> needs sites this machine cannot reach). One private profile per launch.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException(
                $"Chromium is not installed at {ExecutablePath}; install it with `apt-get install -y chromium` "
                + "(browser tests use the Debian browser, never `playwright install`).", ExecutablePath);
        }

        var profile = Directory.CreateTempSubdirectory("carestream-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            });
            return new Chromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; the temp folder is cleaned eventually.
        }
    }
}
