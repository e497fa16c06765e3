using CareStream.Domain;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.UnitTests.Vitals;

public sealed class ObservationIdentityTests
{
    private static readonly DeviceId Device = new("monitor-0001");
    private static readonly DateTimeOffset Effective = new(2026, 1, 15, 10, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void GivenAReading_WhenIdentified_ThenBusinessIdentifierIsDeviceMdcAndUtcTime()
    {
        var identifier = ObservationIdentity.BusinessIdentifier(Device, Mdc.EcgHeartRate, Effective);

        Assert.Equal("monitor-0001.147842.2026-01-15T09:30:00.0000000+00:00", identifier);
    }

    [Fact]
    public void GivenAKnownIdentifier_WhenHashed_ThenIdIsTheFirst16BytesOfSha256AsLowercaseHex()
    {
        // Pinned value (computed independently with Python hashlib): changing it re-keys every stored Observation.
        var id = ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, Effective);

        Assert.Equal("3dbc68aebf54dc5b673035effda58586", id);
        Assert.Matches("^[A-Za-z0-9\\-\\.]{1,64}$", id);
    }

    [Fact]
    public void GivenTheSameInstantWithTwoOffsets_WhenIdentified_ThenIdsAreEqual()
    {
        var utc = Effective.ToUniversalTime();

        Assert.Equal(ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, Effective), ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, utc));
        Assert.Equal(ObservationIdentity.ObservationKey(Device, Mdc.EcgHeartRate, Effective), ObservationIdentity.ObservationKey(Device, Mdc.EcgHeartRate, utc));
    }

    [Fact]
    public void GivenHeartRateAndPulseRateInTheSameSecond_WhenIdentified_ThenIdsDiffer()
    {
        var heartRate = ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, Effective);

        var pulseRate = ObservationIdentity.ObservationId(Device, Mdc.PulseOximeterPulseRate, Effective);

        Assert.NotEqual(heartRate, pulseRate);
    }

    [Fact]
    public void GivenTimesOneTickApart_WhenIdentified_ThenIdsDiffer()
    {
        var a = ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, Effective);

        var b = ObservationIdentity.ObservationId(Device, Mdc.EcgHeartRate, Effective.AddTicks(1));

        Assert.NotEqual(a, b);
    }
}
