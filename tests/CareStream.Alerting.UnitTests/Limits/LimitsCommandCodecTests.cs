using System.Text;
using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.UnitTests.Limits;

public class LimitsCommandCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly PatientId Patient = new("patient-lim-1");

    [Fact]
    public void GivenALimitsCommand_WhenEncodedAndDecoded_ThenTheOverridesAndIdRoundTrip()
    {
        var overrides = new Dictionary<string, ParameterLimitsOverride>
        {
            ["heartRate"] = new(WarningHigh: new LimitBand(120, AlarmPriority.Medium, 10), Hysteresis: 3),
        };
        var original = PatientCommand.Create(PatientCommandTypes.Limits, Patient, "dr-4", T0, limits: overrides);

        var decoded = PatientCommandCodec.Decode(PatientCommandCodec.Encode(original));

        Assert.Equal(PatientCommandTypes.Limits, decoded.Type);
        Assert.Equal(original.CommandId, decoded.CommandId);
        Assert.Equal(original.CommandId, PatientCommand.IdOf(decoded));
        Assert.Equal(overrides["heartRate"], Assert.Single(decoded.Limits!).Value);
    }

    [Fact]
    public void GivenAClearingCommand_WhenEncoded_ThenTheWireCarriesAnEmptyLimitsObject()
    {
        var clear = PatientCommand.Create(PatientCommandTypes.Limits, Patient, "dr-4", T0, limits: new Dictionary<string, ParameterLimitsOverride>());

        var wire = Encoding.UTF8.GetString(PatientCommandCodec.Encode(clear));
        var decoded = PatientCommandCodec.Decode(Encoding.UTF8.GetBytes(wire));

        Assert.Contains("\"limits\":{}", wire, StringComparison.Ordinal);
        Assert.Empty(decoded.Limits!);
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"commandId":"c1","type":"limits","patient":"p1","by":"dr","issuedAt":"2026-03-01T10:00:00+00:00"}""", "limits")]
    [InlineData("""{"schemaVersion":1,"commandId":"c1","type":"limits","patient":"p1","by":"dr","issuedAt":"2026-03-01T10:00:00+00:00","limits":{"heartRate":{"warningHigh":{"limit":120,"priority":"urgent"}}}}""", "limits")]
    [InlineData("""{"schemaVersion":1,"commandId":"c1","type":"limits","patient":"p1","by":"dr","issuedAt":"2026-03-01T10:00:00+00:00","limits":{"heartRate":{"warningHgh":{"limit":120,"priority":"low"}}}}""", "limits")]
    public void GivenABrokenLimitsRecord_WhenDecoded_ThenFormatExceptionNamesTheField(string json, string field)
    {
        var ex = Assert.Throws<FormatException>(() => PatientCommandCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }
}
