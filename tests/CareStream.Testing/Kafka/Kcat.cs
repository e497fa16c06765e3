using System.Diagnostics;
using Xunit;

namespace CareStream.Testing.Kafka;

/// <summary>Debian's <c>kcat</c> (its own librdkafka 2.0.2): an independent Kafka client for interop tests.</summary>
public static class Kcat
{
    public const string Path = "/usr/bin/kcat";

    /// <summary>Runs kcat with <paramref name="arguments"/>, feeding <paramref name="stdin"/>; fails the test on error or after 30 s.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, string? stdin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Assert.True(File.Exists(Path), $"{Path} is missing: install it with `apt-get install kcat`.");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kcat {string.Join(' ', arguments)} did not finish within 30 s");
        }

        Assert.True(process.ExitCode == 0, $"kcat {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        return await output;
    }
}
