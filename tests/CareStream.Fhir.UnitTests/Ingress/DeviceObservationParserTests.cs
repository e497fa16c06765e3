using System.Text;
using System.Text.Json.Nodes;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Terminology;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.Fhir.UnitTests.Ingress;

public sealed class DeviceObservationParserTests
{
    private readonly FakeTimeProvider _clock = new(DeviceJson.Effective.AddSeconds(2));
    private readonly DeviceObservationParser _parser;

    public DeviceObservationParserTests() => _parser = new DeviceObservationParser(_clock);

    [Fact]
    public void GivenADeviceHeartRate_WhenParsed_ThenOneReadingCarriesDeviceCodesValueAndTime()
    {
        var result = _parser.Parse(DeviceJson.Bytes(DeviceJson.HeartRate(72)));

        var reading = Assert.Single(result.Readings);
        Assert.True(result.IsAccepted);
        Assert.Equal((VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72d), (reading.Kind, reading.MdcCode, reading.Value));
        Assert.Equal(("monitor-0001", DeviceJson.Effective, ObservationStatus.Preliminary), (reading.Device.Value, reading.EffectiveAt, reading.Status));
        Assert.False(reading.ClockSkewed);
    }

    // Every code/unit pitfall of clinical-facts.md §1, plus the profile rules, with the error class it must produce.
    public static TheoryData<string, ObservationErrorCode> Pitfalls => new()
    {
        { "hr-unit-mmHg-style-bpm", ObservationErrorCode.InvalidUnit },
        { "hr-unit-{beats}/min", ObservationErrorCode.InvalidUnit },
        { "hr-unit-count/min", ObservationErrorCode.InvalidUnit },
        { "rr-unit-breaths/minute", ObservationErrorCode.InvalidUnit },
        { "temp-unit-°C", ObservationErrorCode.InvalidUnit },
        { "bp-unit-mmHg", ObservationErrorCode.InvalidUnit },
        { "bp-diastolic-coded-8867-4", ObservationErrorCode.InvalidComponents },
        { "hr-with-diastolic-mdc", ObservationErrorCode.UnknownCode },
        { "mdc-first", ObservationErrorCode.CodingOrder },
        { "no-mdc", ObservationErrorCode.CodingOrder },
        { "openice-system", ObservationErrorCode.CodingOrder },
        { "unknown-loinc", ObservationErrorCode.UnknownCode },
        { "no-category", ObservationErrorCode.MissingCategory },
        { "no-effective", ObservationErrorCode.MissingEffective },
        { "effective-period", ObservationErrorCode.MissingEffective },
        { "effective-date-only", ObservationErrorCode.ImpreciseEffective },
        { "status-registered", ObservationErrorCode.InvalidStatus },
        { "no-device", ObservationErrorCode.MissingDevice },
        { "device-is-patient", ObservationErrorCode.InvalidDeviceReference },
        { "hr-351", ObservationErrorCode.ImplausibleValue },
        { "hr-negative", ObservationErrorCode.ImplausibleValue },
        { "spo2-101", ObservationErrorCode.ImplausibleValue },
        { "data-absent", ObservationErrorCode.MissingValue },
        { "value-as-string", ObservationErrorCode.MissingValue },
        { "unknown-element", ObservationErrorCode.UnknownElement },
    };

    [Theory]
    [MemberData(nameof(Pitfalls))]
    public void GivenAPitfall_WhenParsed_ThenItIsRejectedWithAReason(string pitfall, ObservationErrorCode expected)
    {
        var json = Pitfall(pitfall);

        var result = _parser.Parse(DeviceJson.Bytes(json));

        Assert.Empty(result.Readings);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(expected, rejection.Code);
        Assert.True(rejection.Reason.Length > 20, rejection.Reason);
    }

    [Fact]
    public void GivenBeatsPerMinuteAnnotation_WhenParsed_ThenTheReasonExplainsTheFixedProfileUnit()
    {
        var result = _parser.Parse(DeviceJson.Bytes(DeviceJson.HeartRate(72, "{beats}/min")));

        Assert.Contains("fixes '/min'", Assert.Single(result.Rejections).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(59, 15)]
    [InlineData(113, 45)]
    [InlineData(98.6, 37)]
    public void GivenFahrenheit_WhenParsed_ThenConvertedToCelsiusExactly(double fahrenheit, double celsius)
    {
        var json = DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.BodyTemperature, fahrenheit, Ucum.Fahrenheit);

        var reading = Assert.Single(_parser.Parse(DeviceJson.Bytes(json)).Readings);

        Assert.Equal(celsius, reading.Value, 12);
        Assert.Equal((Ucum.Fahrenheit, fahrenheit), (reading.UnitAsSent, reading.ValueAsSent));
    }

    [Theory]
    [InlineData(58.9)]
    [InlineData(113.1)]
    public void GivenFahrenheitJustOutsideTheRange_WhenParsed_ThenImplausible(double fahrenheit)
    {
        var json = DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.BodyTemperature, fahrenheit, Ucum.Fahrenheit);

        var result = _parser.Parse(DeviceJson.Bytes(json));

        Assert.Equal(ObservationErrorCode.ImplausibleValue, Assert.Single(result.Rejections).Code);
    }

    [Theory]
    [InlineData(13.3322, 100, true)]
    [InlineData(53.3288, 400, true)]
    [InlineData(53.3289, 400.00075006, false)]
    [InlineData(0, 0, true)]
    public void GivenKilopascal_WhenParsed_ThenConvertedToMillimetresOfMercuryAtTheBoundaries(double kpa, double mmHg, bool accepted)
    {
        var json = DeviceJson.BloodPressure(systolic: 130, diastolic: 80, mean: null);
        var systolic = json["component"]![0]!["valueQuantity"]!.AsObject();
        systolic["value"] = kpa;
        DeviceJson.SetUnit(systolic, Ucum.Kilopascal);
        json["component"]![1]!["valueQuantity"]!["value"] = 0;

        var result = _parser.Parse(DeviceJson.Bytes(json));

        Assert.Equal(mmHg, UnitConversion.KilopascalToMillimetreOfMercury(kpa), 6);
        Assert.Equal(accepted, result.IsAccepted);
        if (accepted)
        {
            Assert.Equal(mmHg, result.Readings.Single(r => r.Kind == VitalSignKind.SystolicBloodPressure).Value, 9);
        }
    }

    [Theory]
    [InlineData(Mdc.NonInvasiveBloodPressure, Mdc.NonInvasiveSystolic)]
    [InlineData(Mdc.ArterialBloodPressure, Mdc.ArterialSystolic)]
    [InlineData(Mdc.ArterialLineBloodPressure, Mdc.ArterialLineSystolic)]
    public void GivenABloodPressurePanel_WhenParsed_ThenNibpAndArterialAreToldApartByThePanelMdcCode(int panelMdc, int systolicMdc)
    {
        var result = _parser.Parse(DeviceJson.Bytes(DeviceJson.BloodPressure(panelMdc)));

        Assert.Equal(3, result.Readings.Count);
        Assert.All(result.Readings, r => Assert.Equal(panelMdc, r.ObservationMdcCode));
        Assert.Equal(systolicMdc, result.Readings.Single(r => r.Kind == VitalSignKind.SystolicBloodPressure).MdcCode);
        Assert.Single(result.Readings.Select(r => r.ObservationId).Distinct());
    }

    [Fact]
    public void GivenABundleWithAGoodAndABadEntry_WhenParsed_ThenTheGoodReadingIsKeptAndTheBadOneRejectedByIndex()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "batch",
            ["entry"] = new JsonArray(
                new JsonObject { ["resource"] = DeviceJson.HeartRate(80) },
                new JsonObject { ["resource"] = DeviceJson.HeartRate(80, "bpm") }),
        };

        var result = _parser.Parse(DeviceJson.Bytes(bundle));

        Assert.Equal(80, Assert.Single(result.Readings).Value);
        Assert.Equal(1, Assert.Single(result.Rejections).EntryIndex);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}", ObservationErrorCode.UnsupportedBundleType)]
    [InlineData("{\"resourceType\":\"Patient\"}", ObservationErrorCode.UnsupportedResourceType)]
    [InlineData("{\"resourceType\":\"Observation\",\"resourceType\":\"Observation\"}", ObservationErrorCode.MalformedJson)]
    [InlineData("{\"resourceType\":", ObservationErrorCode.MalformedJson)]
    [InlineData("", ObservationErrorCode.MalformedJson)]
    [InlineData("42", ObservationErrorCode.UnsupportedResourceType)]
    public void GivenAMessageThatIsNoObservation_WhenParsed_ThenTheWholeMessageIsRejected(string json, ObservationErrorCode expected)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(json));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((-1, expected), (rejection.EntryIndex, rejection.Code));
    }

    [Fact]
    public void GivenNestingDeeperThan64_WhenParsed_ThenRejectedAsMalformed()
    {
        var deep = "{\"resourceType\":\"Observation\",\"note\":" + new string('[', 70) + new string(']', 70) + "}";

        var result = _parser.Parse(Encoding.UTF8.GetBytes(deep));

        Assert.Equal(ObservationErrorCode.MalformedJson, Assert.Single(result.Rejections).Code);
    }

    [Fact]
    public void GivenAMessageOverOneMebibyte_WhenParsed_ThenRejectedAsTooLarge()
    {
        var result = _parser.Parse(new byte[(1024 * 1024) + 1]);

        Assert.Equal(ObservationErrorCode.MessageTooLarge, Assert.Single(result.Rejections).Code);
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(301, true)]
    public void GivenADeviceClockAheadOfReceipt_WhenParsed_ThenFlaggedBeyondFiveMinutesButNotRejected(int secondsAhead, bool skewed)
    {
        var parser = new DeviceObservationParser(new FakeTimeProvider(DeviceJson.Effective.AddSeconds(-secondsAhead)));

        var reading = Assert.Single(parser.Parse(DeviceJson.Bytes(DeviceJson.HeartRate())).Readings);

        Assert.Equal(skewed, reading.ClockSkewed);
        Assert.Equal(TimeSpan.FromSeconds(secondsAhead), reading.ClockAhead);
    }

    [Fact]
    public void GivenAnAcceptedReading_WhenAttributedToAPatient_ThenItHasTheDeterministicObservationId()
    {
        var reading = Assert.Single(_parser.Parse(DeviceJson.Bytes(DeviceJson.HeartRate())).Readings);

        var canonical = reading.ToVitalSignReading(new Domain.PatientId("patient-0001"));

        Assert.Equal(CareStream.Fhir.Vitals.ObservationIdentity.ObservationId(DeviceJson.Device, Mdc.EcgHeartRate, DeviceJson.Effective), canonical.ObservationId);
        Assert.Equal([canonical], CanonicalObservationReader.Read(CanonicalObservationWriter.ToUtf8Bytes([canonical])));
    }

    internal static JsonObject Pitfall(string name)
    {
        var hr = DeviceJson.HeartRate();
        switch (name)
        {
            case "hr-unit-mmHg-style-bpm": return DeviceJson.HeartRate(72, "bpm");
            case "hr-unit-{beats}/min": return DeviceJson.HeartRate(72, "{beats}/min");
            case "hr-unit-count/min": return DeviceJson.HeartRate(72, "count/min");
            case "rr-unit-breaths/minute": return DeviceJson.Single(VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate, 16, "breaths/minute");
            case "temp-unit-°C": return DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.BodyTemperature, 37, "°C");
            case "bp-unit-mmHg":
                var bp = DeviceJson.BloodPressure();
                DeviceJson.SetUnit(bp["component"]![0]!["valueQuantity"]!.AsObject(), "mmHg");
                return bp;
            case "bp-diastolic-coded-8867-4":
                var panel = DeviceJson.BloodPressure();
                panel["component"]![1]!["code"]!["coding"]![0]!["code"] = Loinc.HeartRate;
                return panel;
            case "hr-with-diastolic-mdc": hr["code"]!["coding"]![1]!["code"] = "150022"; return hr;
            case "mdc-first":
                var codings = hr["code"]!["coding"]!.AsArray();
                var loinc = codings[0]!.DeepClone();
                codings.RemoveAt(0);
                codings.Add(loinc);
                return hr;
            case "no-mdc": hr["code"]!["coding"]!.AsArray().RemoveAt(1); return hr;
            case "openice-system": hr["code"]!["coding"]![1]!["system"] = "OpenICE"; return hr;
            case "unknown-loinc": hr["code"]!["coding"]![0]!["code"] = "8302-2"; return hr;
            case "no-category": hr.Remove("category"); return hr;
            case "no-effective": hr.Remove("effectiveDateTime"); return hr;
            case "effective-period":
                hr.Remove("effectiveDateTime");
                hr["effectivePeriod"] = new JsonObject { ["start"] = "2026-01-15T10:30:00+01:00" };
                return hr;
            case "effective-date-only": hr["effectiveDateTime"] = "2026-01-15"; return hr;
            case "status-registered": hr["status"] = "registered"; return hr;
            case "no-device": hr.Remove("device"); return hr;
            case "device-is-patient": hr["device"]!["reference"] = "Patient/monitor-0001"; return hr;
            case "hr-351": return DeviceJson.HeartRate(351);
            case "hr-negative": return DeviceJson.HeartRate(-1);
            case "spo2-101": return DeviceJson.Single(VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 101);
            case "data-absent":
                hr.Remove("valueQuantity");
                hr["dataAbsentReason"] = new JsonObject { ["text"] = "sensor off" };
                return hr;
            case "value-as-string": hr["valueQuantity"]!["value"] = "72"; return hr;
            case "unknown-element": hr["beatsPerMinute"] = 72; return hr;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "No such pitfall.");
        }
    }
}
