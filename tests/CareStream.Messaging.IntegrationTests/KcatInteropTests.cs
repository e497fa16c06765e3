using System.Diagnostics;
using System.Text;
using CareStream.Testing.Kafka;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>kcat (Debian's, librdkafka 2.0.2) as an independent Kafka client against the cluster.</summary>
[Collection(KafkaCollection.Name)]
public sealed class KcatInteropTests(KafkaFixture kafka)
{
    private const string Kcat = "/usr/bin/kcat";

    [Fact]
    public async Task GivenKcatProducedMessages_WhenReadWithConfluent_ThenKeysAndValuesMatch()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-kcat-in", partitions: 3);

        var exit = await RunKcatAsync($"-b {kafka.BootstrapServers} -P -t {topic} -K :", "bed-1:hello\nbed-2:world\n");
        var read = kafka.ReadAll(topic, expected: 2, TimeSpan.FromSeconds(20));

        Assert.Equal(0, exit.Code);
        Assert.Equal(
            ["bed-1=hello", "bed-2=world"],
            read.Select(r => $"{r.Message.Key}={Encoding.UTF8.GetString(r.Message.Value)}").Order());
    }

    [Fact]
    public async Task GivenConfluentProducedMessages_WhenReadWithKcat_ThenKeysAndValuesMatch()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-kcat-out", partitions: 3);
        await kafka.ProduceAsync(topic, [KeyValuePair.Create("patient-1", "a"), KeyValuePair.Create("patient-2", "b")]);

        var exit = await RunKcatAsync($"-b {kafka.BootstrapServers} -C -e -q -o beginning -t {topic} -f %k=%s\\n", stdin: null);

        Assert.Equal(0, exit.Code);
        Assert.Equal(["patient-1=a", "patient-2=b"], exit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    private static async Task<(int Code, string Output)> RunKcatAsync(string arguments, string? stdin)
    {
        Assert.True(File.Exists(Kcat), $"{Kcat} is missing: install it with `apt-get install kcat`.");
        var start = new ProcessStartInfo(Kcat, arguments)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
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
            Assert.Fail($"kcat {arguments} did not finish within 30 s: {await errors}");
        }

        Assert.True(process.ExitCode == 0, $"kcat {arguments} exited with {process.ExitCode}: {await errors}");
        return (process.ExitCode, await output);
    }
}
