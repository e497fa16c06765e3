using CareStream.Auth.Audit;
using CareStream.Auth.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.IntegrationTests.Audit;

/// <summary>
/// The writer behind the audit middleware on real PostgreSQL: a full channel makes callers wait instead of dropping,
/// batches land whole, what is queued at shutdown is flushed, and an event recorded after shutdown is still stored.
/// </summary>
public sealed class AuditBatchWriterTests(AuthDatabaseFixture database) : IClassFixture<AuthDatabaseFixture>
{
    [Fact]
    public async Task GivenChannelOfFour_WhenFourHundredConcurrentAccessesRecorded_ThenAllStoredOnce()
    {
        using var writer = Create(capacity: 4, batch: 16, out var trail);
        var before = await CountAsync();
        await writer.StartAsync(TestContext.Current.CancellationToken);

        var accesses = Enumerable.Range(0, 400).Select(Access).ToList();
        await Task.WhenAll(accesses.Select(a => trail.RecordAsync(a, TestContext.Current.CancellationToken).AsTask()));
        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before + 400, await CountAsync());
        Assert.Equal(400, await CountAsync(accesses.Select(a => a.Id).ToArray()));
    }

    [Fact]
    public async Task GivenEventsQueuedBeforeTheWriterRuns_WhenStartedAndStoppedAtOnce_ThenFlushedAndLateEventStoredDirectly()
    {
        using var writer = Create(capacity: 100, batch: 7, out var trail);
        var queued = Enumerable.Range(0, 50).Select(Access).ToList();
        foreach (var access in queued)
        {
            await trail.RecordAsync(access, TestContext.Current.CancellationToken);
        }

        await writer.StartAsync(TestContext.Current.CancellationToken);
        await writer.StopAsync(TestContext.Current.CancellationToken);
        var late = Access(50);
        await trail.RecordAsync(late, TestContext.Current.CancellationToken);

        Assert.Equal(0, trail.Pending);
        Assert.Equal(51, await CountAsync([.. queued.Select(a => a.Id), late.Id]));
    }

    private AuditBatchWriter Create(int capacity, int batch, out AuditTrail trail)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDatabase.Configure(options, database.ConnectionString);
        var store = new AuditEventStore(new PooledDbContextFactory<AuthDbContext>(options.Options));
        var audit = Options.Create(new AuditOptions { ChannelCapacity = capacity, MaxBatchSize = batch, ServerId = "carestream-writer-test" });
        trail = new AuditTrail(audit, store);
        return new AuditBatchWriter(trail, store, audit, TimeProvider.System, NullLogger<AuditBatchWriter>.Instance);
    }

    private static AuditAccess Access(int n) => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, AuditInteraction.Search, "Observation", null, $"pat-{n % 7}", "patient=pat-1",
        "usr-nurse-anna", null, 200, null, "carestream-writer-test");

    private async Task<long> CountAsync(Guid[]? ids = null)
    {
        await using var db = database.CreateContext();
        var rows = ids is null ? db.AuditEvents : db.AuditEvents.Where(e => ids.Contains(e.Id));
        return await rows.LongCountAsync(TestContext.Current.CancellationToken);
    }
}
