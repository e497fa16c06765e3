using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Mapping;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using Hl7.Fhir.Model;
using ObservationStatus = CareStream.Domain.Vitals.ObservationStatus;

namespace CareStream.Fhir.UnitTests.Canonical;

public sealed class CanonicalObservationRoundTripTests
{
    private static readonly PatientId Patient = new("patient-0001");
    private static readonly DeviceId Device = new("monitor-0001");
    private static readonly DateTimeOffset Effective = new(2026, 1, 15, 10, 30, 0, 250, TimeSpan.FromHours(1));

    public static TheoryData<VitalSignKind, int, double> Singles => new()
    {
        { VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72 },
        { VitalSignKind.PulseRate, Mdc.PulseOximeterPulseRate, 71.5 },
        { VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 97 },
        { VitalSignKind.RespiratoryRate, Mdc.TransthoracicRespiratoryRate, 16 },
        { VitalSignKind.BodyTemperature, Mdc.TympanicTemperature, 37.25 },
    };

    [Theory]
    [MemberData(nameof(Singles))]
    public void GivenASingleReading_WhenWrittenAndRead_ThenTheReadingIsUnchanged(VitalSignKind kind, int mdc, double value)
    {
        var reading = Reading(kind, mdc, value, mdc);

        var json = CanonicalObservationWriter.ToUtf8Bytes([reading]);
        var read = CanonicalObservationReader.Read(json);

        Assert.Equal([reading], read);
    }

    [Theory]
    [InlineData(Mdc.NonInvasiveBloodPressure)]
    [InlineData(Mdc.ArterialBloodPressure)]
    [InlineData(Mdc.ArterialLineBloodPressure)]
    public void GivenABloodPressurePanel_WhenWrittenAndRead_ThenComponentsKeepKindValueAndMdcFamily(int panelMdc)
    {
        VitalSignReading[] panel =
        [
            Component(VitalSignKind.SystolicBloodPressure, panelMdc, 124),
            Component(VitalSignKind.DiastolicBloodPressure, panelMdc, 78),
            Component(VitalSignKind.MeanBloodPressure, panelMdc, 93.3),
        ];

        var json = CanonicalObservationWriter.ToUtf8Bytes(panel);
        var read = CanonicalObservationReader.Read(json);

        Assert.Equal(panel, read);
    }

    [Fact]
    public void GivenAReadingWithANonDeterministicId_WhenWritten_ThenItIsRefused()
    {
        var reading = Reading(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72, Mdc.EcgHeartRate) with { ObservationId = "made-up" };

        var error = Assert.Throws<ArgumentException>(() => CanonicalObservationWriter.ToUtf8Bytes([reading]));

        Assert.Contains("deterministic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenCanonicalJson_WhenFirelyParsesIt_ThenTheObservationMeansTheSame()
    {
        var reading = Reading(VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 97, Mdc.PulseOximeterSaturation);

        var observation = FhirJson.Deserialize<Observation>(CanonicalObservationWriter.ToUtf8Bytes([reading]));

        Assert.Equal(reading.ObservationId, observation.Id);
        Assert.Equal(CareStreamProfiles.OxygenSaturation, Assert.Single(observation.Meta!.Profile));
        Assert.Equal(Hl7.Fhir.Model.ObservationStatus.Preliminary, observation.Status);
        Assert.Equal([FhirSystems.Loinc, FhirSystems.Mdc, FhirSystems.Loinc], observation.Code.Coding.Select(c => c.System));
        Assert.Equal([Loinc.OxygenSaturation, "150456", Loinc.OxygenSaturationByPulseOximetry], observation.Code.Coding.Select(c => c.Code));
        Assert.Equal("vital-signs", observation.Category.Single().Coding.Single().Code);
        Assert.Equal("Patient/patient-0001", observation.Subject!.Reference);
        Assert.Equal("Device/monitor-0001", observation.Device!.Reference);
        Assert.Equal(Effective, Assert.IsType<FhirDateTime>(observation.Effective).ToDateTimeOffset(TimeSpan.FromHours(1)));
        var quantity = Assert.IsType<Quantity>(observation.Value);
        Assert.Equal((97m, Ucum.Percent, FhirSystems.Ucum), (quantity.Value!.Value, quantity.Code, quantity.System));
        Assert.Equal(FhirSystems.ObservationIdentifier, observation.Identifier.Single().System);
    }

    [Fact]
    public void GivenABloodPressurePanel_WhenMappedToAPocoAndSerialised_ThenFirelyReadsTheSameAsTheCanonicalJson()
    {
        VitalSignReading[] panel =
        [
            Component(VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveBloodPressure, 124),
            Component(VitalSignKind.DiastolicBloodPressure, Mdc.NonInvasiveBloodPressure, 78),
        ];

        var fromWriter = FhirJson.Deserialize<Observation>(CanonicalObservationWriter.ToUtf8Bytes(panel));
        var fromPoco = ObservationPocoMapper.ToObservation(panel);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(FhirJson.SerializeToUtf8Bytes(fromWriter)), System.Text.Encoding.UTF8.GetString(FhirJson.SerializeToUtf8Bytes(fromPoco)));
    }

    [Fact]
    public void GivenPocoJson_WhenReadByTheCanonicalReader_ThenReadingsRoundTrip()
    {
        var reading = Reading(VitalSignKind.BodyTemperature, Mdc.OralTemperature, 38.4, Mdc.OralTemperature);

        var json = FhirJson.SerializeToUtf8Bytes(ObservationPocoMapper.ToObservation([reading]));
        var read = CanonicalObservationReader.Read(json);

        Assert.Equal([reading], read);
    }

    private static VitalSignReading Component(VitalSignKind kind, int panelMdc, double value) =>
        Reading(kind, Mdc.BloodPressureComponentOf(panelMdc, kind), value, panelMdc);

    private static VitalSignReading Reading(VitalSignKind kind, int mdc, double value, int observationMdc) =>
        new(ObservationIdentity.ObservationId(Device, observationMdc, Effective), Patient, Device, kind, mdc, value, Effective,
            ObservationStatus.Preliminary);
}
