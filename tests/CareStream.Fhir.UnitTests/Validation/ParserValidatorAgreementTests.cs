using System.Text.Json.Nodes;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.UnitTests.Ingress;
using CareStream.Fhir.Validation;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.Fhir.UnitTests.Validation;

/// <summary>
/// Issue 3 acceptance: the fast <see cref="DeviceObservationParser"/> and the Firely validator give the same verdict on a
/// generated corpus of valid and invalid device Observations. Firely sees each Observation as the normalizer completes it
/// (subject and identifier added, kPa converted), since device data carries neither subject nor identifier.
/// </summary>
public sealed class ParserValidatorAgreementTests
{
    private sealed record Template(string Name, Func<JsonObject> Create, double Minimum, double Maximum, string WrongUnit, string OtherMdc);

    private static readonly Template[] Templates =
    [
        new("hr-ecg", () => DeviceJson.HeartRate(), 0, 350, "bpm", "150456"),
        new("pr-oximeter", () => DeviceJson.Single(VitalSignKind.PulseRate, Mdc.PulseOximeterPulseRate, 70), 0, 350, "{beats}/min", "151562"),
        new("pr-nibp", () => DeviceJson.Single(VitalSignKind.PulseRate, Mdc.PulseRateNonInvasive, 70), 0, 350, "count/min", "150022"),
        new("spo2-oximeter", () => DeviceJson.Single(VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 97), 0, 100, "percent", "147842"),
        new("spo2-arterial", () => DeviceJson.Single(VitalSignKind.OxygenSaturation, Mdc.ArterialSaturation, 95), 0, 100, "{fraction}", "150364"),
        new("rr-impedance", () => DeviceJson.Single(VitalSignKind.RespiratoryRate, Mdc.TransthoracicRespiratoryRate, 16), 0, 200, "breaths/minute", "147842"),
        new("rr-co2", () => DeviceJson.Single(VitalSignKind.RespiratoryRate, Mdc.Co2RespiratoryRate, 14), 0, 200, "/s", "150456"),
        new("temp-body-cel", () => DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.BodyTemperature, 37), 15, 45, "°C", "151562"),
        new("temp-oral-cel", () => DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.OralTemperature, 36.8), 15, 45, "K", "149530"),
        new("temp-core-degf", () => DeviceJson.Single(VitalSignKind.BodyTemperature, Mdc.CoreTemperature, 98.6, Ucum.Fahrenheit), 59, 113, "degF", "150021"),
        new("bp-nibp", () => DeviceJson.BloodPressure(Mdc.NonInvasiveBloodPressure), 0, 400, "mmHg", "150021"),
        new("bp-arterial", () => DeviceJson.BloodPressure(Mdc.ArterialBloodPressure), 0, 400, "mm Hg", "150033"),
        new("bp-arterial-line-no-mean", () => DeviceJson.BloodPressure(Mdc.ArterialLineBloodPressure, mean: null), 0, 400, "cm[H2O]", "147842"),
        new("bp-nibp-kpa", () => Kilopascal(DeviceJson.BloodPressure(Mdc.NonInvasiveBloodPressure)), 0, 53.3288, "kpa", "150020x"),
    ];

    private static readonly (string Name, Action<JsonObject, Template> Mutate)[] Mutations =
    [
        ("as-sent", (_, _) => { }),
        ("status-final", (o, _) => o["status"] = "final"),
        ("status-entered-in-error", (o, _) => o["status"] = "entered-in-error"),
        ("at-minimum", (o, t) => Value(o)["value"] = t.Minimum),
        ("at-maximum", (o, t) => Value(o)["value"] = t.Maximum),
        ("above-maximum", (o, t) => Value(o)["value"] = t.Maximum + 0.5),
        ("below-minimum", (o, t) => Value(o)["value"] = t.Minimum - 0.5),
        ("status-registered", (o, _) => o["status"] = "registered"),
        ("status-cancelled", (o, _) => o["status"] = "cancelled"),
        ("no-category", (o, _) => o.Remove("category")),
        ("mdc-first", (o, _) => Swap(o["code"]!["coding"]!.AsArray())),
        ("no-mdc", (o, _) => o["code"]!["coding"]!.AsArray().RemoveAt(1)),
        ("other-kind-mdc", (o, t) => o["code"]!["coding"]![1]!["code"] = t.OtherMdc),
        ("unknown-loinc", (o, _) => o["code"]!["coding"]![0]!["code"] = "29463-7"),
        ("unknown-element", (o, _) => o["reading"] = 1),
        ("no-device", (o, _) => o.Remove("device")),
        ("effective-date-only", (o, _) => o["effectiveDateTime"] = "2026-01-15"),
        ("effective-period", (o, _) => { o.Remove("effectiveDateTime"); o["effectivePeriod"] = new JsonObject { ["start"] = "2026-01-15T10:30:00Z" }; }),
        ("wrong-unit", (o, t) => DeviceJson.SetUnit(Value(o), t.WrongUnit)),
    ];

    public static IEnumerable<(string Name, byte[] Json)> Corpus()
    {
        foreach (var template in Templates)
        {
            foreach (var (name, mutate) in Mutations)
            {
                var observation = template.Create();
                mutate(observation, template);
                yield return ($"{template.Name}/{name}", DeviceJson.Bytes(observation));
            }
        }

        foreach (var pitfall in DeviceObservationParserTests.Pitfalls)
        {
            var name = pitfall.Data.Item1;
            yield return ($"pitfall/{name}", DeviceJson.Bytes(DeviceObservationParserTests.Pitfall(name)));
        }
    }

    [Fact]
    public void GivenTheCorpus_WhenParsedAndValidatedWithFirely_ThenEveryVerdictIsTheSame()
    {
        var parser = new DeviceObservationParser(new FakeTimeProvider(DeviceJson.Effective));
        var corpus = Corpus().ToList();

        var verdicts = corpus.Select(c => (
            c.Name,
            Parser: parser.Parse(c.Json),
            Firely: ObservationProfileValidator.Shared.Validate(DeviceJson.CompletedForProfile(c.Json)))).ToList();

        Assert.True(corpus.Count >= 200, $"Corpus has only {corpus.Count} cases.");
        Assert.True(verdicts.Count(v => v.Firely.IsValid) >= 50, "Too few valid cases to mean anything.");
        Assert.True(verdicts.Count(v => !v.Firely.IsValid) >= 100, "Too few invalid cases to mean anything.");
        var disagreements = verdicts.Where(v => v.Parser.IsAccepted != v.Firely.IsValid)
            .Select(v => $"{v.Name}: parser {(v.Parser.IsAccepted ? "accepts" : "rejects: " + v.Parser.Rejections[0].Reason)}; "
                + $"Firely {(v.Firely.IsValid ? "accepts" : "rejects: " + v.Firely.ErrorText)}")
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{corpus.Count} cases: {verdicts.Count(v => v.Firely.IsValid)} valid, {verdicts.Count(v => !v.Firely.IsValid)} invalid, {disagreements.Count} disagreements.");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    private static JsonObject Value(JsonObject observation) =>
        (observation["valueQuantity"] ?? observation["component"]![0]!["valueQuantity"])!.AsObject();

    private static void Swap(JsonArray codings)
    {
        var first = codings[0]!.DeepClone();
        codings.RemoveAt(0);
        codings.Insert(1, first);
    }

    private static JsonObject Kilopascal(JsonObject panel)
    {
        foreach (var component in panel["component"]!.AsArray())
        {
            var quantity = component!["valueQuantity"]!.AsObject();
            quantity["value"] = Math.Round((double)quantity["value"]! * UnitConversion.PascalPerMillimetreOfMercury / 1000, 2);
            DeviceJson.SetUnit(quantity, Ucum.Kilopascal);
        }

        return panel;
    }
}
