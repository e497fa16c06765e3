using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.Audit;

/// <summary>
/// Drains <see cref="AuditTrail"/> into <c>auth.audit_event</c>: whatever is queued (up to
/// <see cref="AuditOptions.MaxBatchSize"/>) goes in one multi-row insert; a refused batch is retried, never dropped.
/// On shutdown (after the web server has stopped taking requests) it completes the channel and flushes the rest.
/// </summary>
public sealed class AuditBatchWriter(
    AuditTrail trail, AuditEventStore store, IOptions<AuditOptions> options, TimeProvider timeProvider, ILogger<AuditBatchWriter> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _giveUp = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        trail.Complete();
        if (_loop is null)
        {
            return;
        }

        // The host's shutdown timeout bounds the flush; only a database that stays down loses what is still queued.
        await using var registration = cancellationToken.Register(_giveUp.Cancel);
        await _loop.ConfigureAwait(false);
        if (trail.Pending > 0)
        {
            Log.AuditEventsUnwritten(logger, trail.Pending);
        }
    }

    public void Dispose() => _giveUp.Dispose();

    private async Task RunAsync()
    {
        var batch = new List<AuditAccess>(options.Value.MaxBatchSize);
        var reader = trail.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_giveUp.Token))
            {
                while (batch.Count < options.Value.MaxBatchSize && reader.TryRead(out var access))
                {
                    batch.Add(access);
                }

                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_giveUp.IsCancellationRequested)
        {
            if (batch.Count > 0)
            {
                Log.AuditEventsUnwritten(logger, batch.Count);
            }
        }
    }

    private async Task WriteAsync(List<AuditAccess> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.AppendBatchAsync(batch, _giveUp.Token);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.AuditBatchFailed(logger, batch.Count, attempt, ex);
                await Task.Delay(options.Value.RetryDelay, timeProvider, _giveUp.Token);
            }
        }
    }
}
