using CareStream.Alerting.Tracking;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.UnitTests.Tracking;

/// <summary>The audit table and the command topic both feed limit overrides on restore; the highest offset wins.</summary>
public sealed class RestoredStateLimitsTests
{
    private static readonly PatientId Patient = new("patient-r1");

    private static readonly Dictionary<string, ParameterLimitsOverride> Lowered =
        new() { ["heartRate"] = new(WarningHigh: new LimitBand(115, AlarmPriority.Medium)) };

    private static readonly Dictionary<string, ParameterLimitsOverride> Cleared = [];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GivenAnAuditedOverrideAndANewerCommandOnTheTopic_WhenBothAreAddedInEitherOrder_ThenTheNewerCommandWins(bool auditFirst)
    {
        var state = new RestoredState();

        if (auditFirst)
        {
            state.AddLimits(0, 7, Patient, Lowered);   // the store role has stored up to offset 7
            state.AddLimits(0, 9, Patient, Cleared);   // the topic replay has the clear at 9 (store lagging)
        }
        else
        {
            state.AddLimits(0, 9, Patient, Cleared);
            state.AddLimits(0, 7, Patient, Lowered);
        }

        var (partition, patient, overrides) = Assert.Single(state.Limits());
        Assert.Equal((0, Patient), (partition, patient));
        Assert.Empty(overrides);
    }

    [Fact]
    public void GivenTheSameCommandFromTheAuditAndTheTopic_WhenAdded_ThenItIsRestoredOnce()
    {
        var state = new RestoredState();

        state.AddLimits(0, 3, Patient, Lowered);
        state.AddLimits(0, 3, Patient, Lowered);

        Assert.Equal(115, Assert.Single(state.Limits()).Overrides["heartRate"].WarningHigh!.Limit);
    }
}
