using CareStream.Auth.Access;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.Auth.UnitTests.Access;

public sealed class SingleFlightCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenALoadInFlight_WhenManyCallersAskForTheSameKey_ThenTheyShareOneLoad()
    {
        var cache = new SingleFlightCache<string>(new FakeTimeProvider(), Lifetime);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        Task<string> Load(string key, DateTimeOffset now)
        {
            Interlocked.Increment(ref loads);
            return gate.Task;
        }

        var callers = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(async () => await cache.GetAsync("usr-a", Load, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken))
            .ToArray();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        gate.SetResult("wards");
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.Equal("wards", r));
    }

    [Fact]
    public async Task GivenACachedValue_WhenItsLifetimeHasPassed_ThenTheNextCallLoadsAgain()
    {
        var time = new FakeTimeProvider();
        var cache = new SingleFlightCache<int>(time, Lifetime);
        var loads = 0;
        Task<int> Load(string key, DateTimeOffset now) => Task.FromResult(Interlocked.Increment(ref loads));

        var first = await cache.GetAsync("usr-a", Load, TestContext.Current.CancellationToken);
        time.Advance(Lifetime - TimeSpan.FromSeconds(1));
        var cached = await cache.GetAsync("usr-a", Load, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1));
        var reloaded = await cache.GetAsync("usr-a", Load, TestContext.Current.CancellationToken);

        Assert.Equal(1, first);
        Assert.Equal(1, cached);
        Assert.Equal(2, reloaded);
    }

    [Fact]
    public async Task GivenALoadInFlight_WhenTheKeyIsInvalidated_ThenItsResultIsNotCached()
    {
        var cache = new SingleFlightCache<int>(new FakeTimeProvider(), Lifetime);
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = cache.GetAsync("usr-a", (_, _) => gate.Task, TestContext.Current.CancellationToken).AsTask();

        cache.Invalidate("usr-a");
        gate.SetResult(1);
        var old = await stale;
        var next = await cache.GetAsync("usr-a", (_, _) => Task.FromResult(2), TestContext.Current.CancellationToken);

        Assert.Equal(1, old);
        Assert.Equal(2, next);
    }

    [Fact]
    public async Task GivenAFailedLoad_WhenCalledAgain_ThenItLoadsAgain()
    {
        var cache = new SingleFlightCache<int>(new FakeTimeProvider(), Lifetime);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await cache.GetAsync("usr-a", (_, _) => Task.FromException<int>(new InvalidOperationException("db down")), TestContext.Current.CancellationToken));
        var value = await cache.GetAsync("usr-a", (_, _) => Task.FromResult(7), TestContext.Current.CancellationToken);

        Assert.Equal(7, value);
    }

    [Fact]
    public async Task GivenASharedLoad_WhenOneCallerIsCancelled_ThenTheOthersStillGetTheValue()
    {
        var cache = new SingleFlightCache<int>(new FakeTimeProvider(), Lifetime);
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var hangUp = new CancellationTokenSource();
        var leaving = cache.GetAsync("usr-a", (_, _) => gate.Task, hangUp.Token).AsTask();
        var staying = cache.GetAsync("usr-a", (_, _) => Task.FromResult(-1), TestContext.Current.CancellationToken).AsTask();

        await hangUp.CancelAsync();
        gate.SetResult(3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(3, await staying);
    }
}
