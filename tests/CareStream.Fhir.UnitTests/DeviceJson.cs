using System.Text.Json.Nodes;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;

namespace CareStream.Fhir.UnitTests;

/// <summary>Synthetic device-style Observations (as the simulator writes them) as mutable JSON, for table-driven tests.</summary>
internal static class DeviceJson
{
    public static readonly DateTimeOffset Effective = new(2026, 1, 15, 10, 30, 0, TimeSpan.FromHours(1));
    public static readonly DeviceId Device = new("monitor-0001");

    public static JsonObject Single(VitalSignKind kind, int mdc, double value, string? unit = null)
    {
        var json = DeviceObservationWriter.ToUtf8Bytes(Device, Effective, ObservationStatus.Preliminary, [new(kind, mdc, value)]);
        var node = JsonNode.Parse(json)!.AsObject();
        if (unit is not null)
        {
            SetUnit(node["valueQuantity"]!.AsObject(), unit);
        }

        return node;
    }

    public static JsonObject HeartRate(double value = 72, string? unit = null) => Single(VitalSignKind.HeartRate, Mdc.EcgHeartRate, value, unit);

    public static JsonObject BloodPressure(int panelMdc = Mdc.NonInvasiveBloodPressure, double systolic = 124, double diastolic = 78, double? mean = 93)
    {
        List<DeviceMeasurement> parts =
        [
            new(VitalSignKind.SystolicBloodPressure, Mdc.BloodPressureComponentOf(panelMdc, VitalSignKind.SystolicBloodPressure), systolic),
            new(VitalSignKind.DiastolicBloodPressure, Mdc.BloodPressureComponentOf(panelMdc, VitalSignKind.DiastolicBloodPressure), diastolic),
        ];
        if (mean is { } m)
        {
            parts.Add(new(VitalSignKind.MeanBloodPressure, Mdc.BloodPressureComponentOf(panelMdc, VitalSignKind.MeanBloodPressure), m));
        }

        var json = DeviceObservationWriter.ToUtf8Bytes(Device, Effective, ObservationStatus.Preliminary, parts.ToArray());
        return JsonNode.Parse(json)!.AsObject();
    }

    public static void SetUnit(JsonObject quantity, string unit)
    {
        quantity["unit"] = unit;
        quantity["code"] = unit;
    }

    public static JsonObject Coding(string system, string code) => new() { ["system"] = system, ["code"] = code };

    public static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>
    /// What the normalizer adds before an Observation is checked against the CareStream profiles: the subject and the
    /// deterministic identifier, and kPa converted to mm[Hg] (the one ingress lenience the profiles do not have).
    /// </summary>
    public static byte[] CompletedForProfile(byte[] deviceJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(deviceJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return deviceJson;
        }

        if (node is not JsonObject observation)
        {
            return deviceJson;
        }

        observation["subject"] = new JsonObject { ["reference"] = "Patient/patient-corpus" };
        observation["identifier"] = new JsonArray(new JsonObject
        {
            ["system"] = FhirSystems.ObservationIdentifier,
            ["value"] = "corpus",
        });
        foreach (var quantity in Quantities(observation))
        {
            if ((string?)quantity["code"] == Ucum.Kilopascal && quantity["value"] is JsonValue v && v.TryGetValue(out double kpa))
            {
                quantity["value"] = CareStream.Fhir.Ingress.UnitConversion.KilopascalToMillimetreOfMercury(kpa);
                SetUnit(quantity, Ucum.MillimetreOfMercury);
            }
        }

        return Bytes(observation);
    }

    private static IEnumerable<JsonObject> Quantities(JsonObject observation)
    {
        if (observation["valueQuantity"] is JsonObject q)
        {
            yield return q;
        }

        if (observation["component"] is JsonArray components)
        {
            foreach (var c in components)
            {
                if (c?["valueQuantity"] is JsonObject cq)
                {
                    yield return cq;
                }
            }
        }
    }
}
