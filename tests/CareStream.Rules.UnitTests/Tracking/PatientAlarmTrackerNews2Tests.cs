using CareStream.Domain.Vitals;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Tracking;

public sealed class PatientAlarmTrackerNews2Tests
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(60);

    [Fact]
    public void GivenAllVitalsAndCharting_WhenScored_ThenTheCurrentNews2IsComplete()
    {
        var tracker = TrackerWithVitals();
        tracker.OnCharting(new ChartingInputs(false, Consciousness.Alert), T0);

        var result = tracker.ScoreNews2(T0, Freshness);

        Assert.True(result.IsComplete);
        Assert.Equal(0, result.Aggregate);
        Assert.Equal(News2ResponseLevel.Low, result.ResponseLevel);
    }

    [Fact]
    public void GivenNoCharting_WhenScored_ThenAirOrOxygenAndConsciousnessAreMissing()
    {
        var tracker = TrackerWithVitals();

        var result = tracker.ScoreNews2(T0, Freshness);

        Assert.Equal([News2Parameter.AirOrOxygen, News2Parameter.Consciousness], result.Missing);
    }

    [Fact]
    public void GivenVitalsOlderThanTheFreshnessWindow_WhenScored_ThenTheyCountAsMissingNotZero()
    {
        var tracker = TrackerWithVitals();
        tracker.OnCharting(new ChartingInputs(false, Consciousness.Alert), T0);

        var result = tracker.ScoreNews2(T0 + Freshness + TimeSpan.FromSeconds(1), Freshness);

        Assert.False(result.IsComplete);
        Assert.Contains(News2Parameter.Pulse, result.Missing);
        Assert.DoesNotContain(News2Parameter.Consciousness, result.Missing);
    }

    private static PatientAlarmTracker TrackerWithVitals()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, DefaultRuleSet.Create("ward-1"));
        foreach (var (kind, value) in new (VitalSignKind, double)[]
        {
            (VitalSignKind.RespiratoryRate, 16), (VitalSignKind.OxygenSaturation, 97), (VitalSignKind.SystolicBloodPressure, 120),
            (VitalSignKind.HeartRate, 70), (VitalSignKind.BodyTemperature, 37.0),
        })
        {
            tracker.OnReading(Reading(kind, value, T0), T0);
        }

        return tracker;
    }
}
