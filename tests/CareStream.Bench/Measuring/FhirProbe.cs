using System.Diagnostics;
using CareStream.Bench.Load;

namespace CareStream.Bench.Measuring;

/// <summary>
/// FHIR last-N search <c>Observation?patient=&amp;code=8867-4&amp;_sort=-date&amp;_count=60</c> against the host:
/// open loop at a fixed rate (latency from each request's scheduled start, so a stall counts for every request it
/// delays), then closed loop with N workers for the maximum searches/s.
/// </summary>
public sealed class FhirProbe(Uri host, string accessToken, IReadOnlyList<BenchBed> beds)
{
    public async Task<FhirOpenLoopResult> OpenLoopAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = CreateClient();
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                if (!await SearchAsync(http, index, cancellationToken))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
            }, cancellationToken));
        }

        var issued = total / clock.Elapsed.TotalSeconds;
        await Task.WhenAll(running);
        var completed = total / clock.Elapsed.TotalSeconds;
        return new FhirOpenLoopResult(rate, issued, completed, errors, LatencySummary.Of(latencies));
    }

    public async Task<FhirClosedLoopResult> ClosedLoopAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = CreateClient();
        long completed = 0;
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; clock.Elapsed < duration; i += concurrency)
            {
                if (await SearchAsync(http, i, cancellationToken))
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));
        return new FhirClosedLoopResult(concurrency, completed / clock.Elapsed.TotalSeconds, errors);
    }

    private async Task<bool> SearchAsync(HttpClient http, int index, CancellationToken cancellationToken)
    {
        var patient = beds[index * 7919 % beds.Count].Patient;
        try
        {
            using var response = await http.GetAsync(
                new Uri($"/fhir/Observation?patient={patient}&code=8867-4&_sort=-date&_count=60", UriKind.Relative), cancellationToken);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // an overloaded host: counted as an error, its time still counts as latency
        }
    }

    private HttpClient CreateClient() => Running.BenchTokens.Authorize(
        new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) },
        accessToken);
}
