using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Validation;

namespace CareStream.Fhir.UnitTests.Validation;

/// <summary>
/// A held (unassociated) reading is a device-style Observation without subject (adr-2611-unassociated-readings): valid
/// base R4 Observation, and against the CareStream profile it fails only on what attribution adds: subject and the
/// deterministic identifier (cs-vs-6).
/// </summary>
public sealed class DeviceOnlyObservationValidationTests
{
    private const string BaseObservation = "http://hl7.org/fhir/StructureDefinition/Observation";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Kinds => ["hr", "bp"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GivenAHeldDeviceOnlyObservation_WhenValidatedWithFirely_ThenBaseR4IsValidAndTheProfileMissesOnlySubjectAndIdentifier(string kind)
    {
        DeviceMeasurement[] measurements = kind == "hr"
            ? [new(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72)]
            : [new(VitalSignKind.SystolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.SystolicBloodPressure), 120),
               new(VitalSignKind.DiastolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.DiastolicBloodPressure), 80)];
        var held = DeviceObservationWriter.ToUtf8Bytes(new DeviceId("held-monitor-1"), At, ObservationStatus.Preliminary, measurements);

        var baseResult = ObservationProfileValidator.Shared.Validate(held, BaseObservation);
        var profileResult = ObservationProfileValidator.Shared.Validate(held);

        Assert.True(baseResult.IsValid, baseResult.ErrorText);
        Assert.False(profileResult.IsValid);
        Assert.All(profileResult.Errors, e => Assert.Matches(
            "subject|identifier|cs-vs-6", (e.Details?.Text ?? e.Diagnostics) + string.Join(",", e.Expression)));
    }
}
