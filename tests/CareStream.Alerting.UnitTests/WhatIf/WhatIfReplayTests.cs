using CareStream.Alerting.WhatIf;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.UnitTests.WhatIf;

public class WhatIfReplayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly RuleSet Current = DefaultRuleSet.Create("ward-a");

    [Fact]
    public void GivenACandidateWithALowerHeartRateLimit_WhenReplayed_ThenItReportsTheExtraAlarmForThatPatientOnly()
    {
        var candidate = Current with
        {
            Version = 2,
            Limits = new Dictionary<string, ParameterLimits>(Current.EffectiveLimits) { ["heartRate"] = Current.EffectiveLimits["heartRate"] with { WarningHigh = new LimitBand(110, AlarmPriority.Medium) } },
        };
        var history = new Dictionary<PatientId, IReadOnlyList<VitalSignReading>>
        {
            [new PatientId("p-fast")] = Series("p-fast", 80, 115, 115, 80),
            [new PatientId("p-calm")] = Series("p-calm", 70, 72, 71, 70),
        };

        var report = WhatIfReplay.Compare(Current, candidate, history);

        Assert.Equal(2, report.Patients);
        Assert.Equal(8, report.Readings);
        Assert.Equal(new WhatIfRuleCount("limit.heartRate", 0, 1), Assert.Single(report.Rules));
        var difference = Assert.Single(report.Differences);
        Assert.Equal("p-fast", difference.Patient);
        Assert.Equal(1, Assert.Single(difference.Rules).Difference);
    }

    [Fact]
    public void GivenTheSameSetAsCandidate_WhenReplayed_ThenNoDifferences()
    {
        var history = new Dictionary<PatientId, IReadOnlyList<VitalSignReading>>
        {
            [new PatientId("p-high")] = Series("p-high", 150, 150, 150, 150),
        };

        var report = WhatIfReplay.Compare(Current, Current, history);

        Assert.Empty(report.Differences);
        Assert.All(report.Rules, r => Assert.Equal(r.Current, r.Candidate));
        Assert.Contains(report.Rules, r => r is { RuleId: "limit.heartRate", Current: 1 });
    }

    private static List<VitalSignReading> Series(string patient, params double[] values) =>
        [.. values.Select((v, i) => new VitalSignReading(
            $"{patient}-{i}", new PatientId(patient), new DeviceId("device-w"), VitalSignKind.HeartRate, 147842, v, T0.AddSeconds(5 * i), ObservationStatus.Final))];
}
