using CareStream.Alerting.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.Alerting.UnitTests.Pipeline;

/// <summary>The raise/resolve decision of "pipeline: Kafka unreachable" (grace 10 s, one probe per second).</summary>
public sealed class PipelineOutageTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void GivenKafkaUnreachable_WhenProbedForSeconds_ThenRaisedOnlyOnceTheGraceHasPassed(int seconds, bool raised)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var outage = new PipelineOutage(Grace);
        var start = time.GetUtcNow();
        var changes = new List<PipelineOutageChange>();

        for (var second = 0; second <= seconds; second++)
        {
            if (outage.Observe(reachable: false, time.GetUtcNow()) is { } change)
            {
                changes.Add(change);
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(raised ? [new PipelineOutageChange(true, start, start.AddSeconds(10))] : [], changes);
    }

    [Fact]
    public void GivenARaisedAlarm_WhenAProbeSucceeds_ThenResolvedOnceForThatOutage()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var outage = new PipelineOutage(Grace);
        var start = time.GetUtcNow();
        outage.Observe(reachable: false, start);
        time.Advance(Grace);
        Assert.True(outage.Observe(reachable: false, time.GetUtcNow())!.Raised);
        time.Advance(TimeSpan.FromSeconds(1));

        var resolved = outage.Observe(reachable: true, time.GetUtcNow());
        var again = outage.Observe(reachable: true, time.GetUtcNow());

        Assert.Equal(new PipelineOutageChange(false, start, start.AddSeconds(11)), resolved);
        Assert.Null(again);
        Assert.Null(outage.DownSince);
    }

    [Fact]
    public void GivenShortOutagesSeparatedBySuccess_WhenEachIsShorterThanTheGrace_ThenNothingIsRaised()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var outage = new PipelineOutage(Grace);
        var changes = new List<PipelineOutageChange?>();

        for (var cycle = 0; cycle < 10; cycle++)
        {
            for (var second = 0; second < 9; second++)
            {
                changes.Add(outage.Observe(reachable: false, time.GetUtcNow()));
                time.Advance(TimeSpan.FromSeconds(1));
            }

            changes.Add(outage.Observe(reachable: true, time.GetUtcNow()));
        }

        Assert.All(changes, Assert.Null);
    }
}
