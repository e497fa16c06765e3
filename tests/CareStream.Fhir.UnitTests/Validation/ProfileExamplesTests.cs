using System.Text.Json.Nodes;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Validation;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.UnitTests.Validation;

public sealed class ProfileExamplesTests
{
    private static readonly string ExamplesDirectory = Path.Combine(AppContext.BaseDirectory, "fhir-profiles", "examples");

    // Each invalid example and a fragment of the issue it must raise: an invariant key, a slice or a fixed value.
    private static readonly Dictionary<string, string> ExpectedIssues = new()
    {
        ["blood-pressure-invalid-diastolic-coded-heart-rate"] = "required slice: 'component:DiastolicBP'",
        ["blood-pressure-invalid-dual-coded-component"] = "cs-bp-2",
        ["blood-pressure-invalid-missing-diastolic"] = "cs-bp-3",
        ["blood-pressure-invalid-panel-mdc-systolic"] = "cs-bp-1",
        ["blood-pressure-invalid-unit-mmhg"] = "cs-bp-4",
        ["body-temperature-invalid-below-15-cel"] = "cs-temp-2",
        ["body-temperature-invalid-unit-degree-sign-c"] = "ucum-bodytemp",
        ["heart-rate-invalid-above-350"] = "cs-hr-2",
        ["heart-rate-invalid-effective-date-only"] = "cs-vs-4",
        ["heart-rate-invalid-effective-period"] = "incompatible with that of the instance (Period)",
        ["heart-rate-invalid-mdc-coding-first"] = "cs-vs-1",
        ["heart-rate-invalid-missing-device"] = "Missing required member: 'device'",
        ["heart-rate-invalid-missing-identifier"] = "Missing required member: 'identifier'",
        ["heart-rate-invalid-status-registered"] = "cs-vs-3",
        ["heart-rate-invalid-unit-beats-per-min"] = "'{beats}/min' is not exactly equal to fixed value '/min'",
        ["oxygen-saturation-invalid-above-100"] = "cs-spo2-2",
        ["pulse-rate-invalid-diastolic-mdc"] = "cs-pr-1",
        ["respiratory-rate-invalid-unit-breaths-per-minute"] = "'breaths/minute' is not exactly equal to fixed value '/min'",
        ["vital-sign-invalid-unknown-code"] = "cs-vs-8",
    };

    public static TheoryData<string> ValidExamples => new(Examples().Where(n => n.Contains("-valid", StringComparison.Ordinal)));

    public static TheoryData<string> InvalidExamples => new(Examples().Where(n => n.Contains("-invalid-", StringComparison.Ordinal)));

    [Fact]
    public void GivenTheExamplesFolder_WhenListed_ThenEveryExampleIsNamedValidOrHasAnExpectedIssue()
    {
        var names = Examples().ToList();

        Assert.True(names.Count >= 14, $"Only {names.Count} examples found in {ExamplesDirectory}.");
        Assert.All(names, n => Assert.True(n.Contains("-valid", StringComparison.Ordinal) || ExpectedIssues.ContainsKey(n), n));
        Assert.All(CareStreamProfileIds(), p => Assert.Contains(names, n => n.StartsWith(p, StringComparison.Ordinal) && n.Contains("-invalid-", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void GivenAValidExample_WhenValidatedAgainstItsProfile_ThenThereAreNoErrors(string name)
    {
        var (json, profile) = Load(name);

        var result = ObservationProfileValidator.Shared.Validate(json, profile);

        Assert.True(result.IsValid, result.ErrorText);
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void GivenAnInvalidExample_WhenValidatedAgainstItsProfile_ThenItFailsWithTheExpectedIssue(string name)
    {
        var (json, profile) = Load(name);

        var result = ObservationProfileValidator.Shared.Validate(json, profile);

        Assert.False(result.IsValid);
        Assert.Contains(ExpectedIssues[name], result.ErrorText, StringComparison.Ordinal);
    }

    public static TheoryData<VitalSignKind> Kinds => new(Enum.GetValues<VitalSignKind>().Where(k => k <= VitalSignKind.SystolicBloodPressure));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GivenCanonicalOutput_WhenValidatedAgainstCareStreamAndCoreProfiles_ThenThereAreNoErrors(VitalSignKind kind)
    {
        var json = CanonicalOutput(kind);
        var definition = VitalSignCatalog.Get(kind);

        foreach (var profile in new[] { definition.Profile, definition.CoreProfile, CareStreamProfiles.Core.VitalSigns })
        {
            var result = ObservationProfileValidator.Shared.Validate(json, profile);

            Assert.True(result.IsValid, $"{profile}: {result.ErrorText}");
        }
    }

    private static byte[] CanonicalOutput(VitalSignKind kind)
    {
        var device = new DeviceId("monitor-0001");
        var patient = new PatientId("patient-0001");
        var effective = new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);
        var definition = VitalSignCatalog.Get(kind);
        if (!definition.IsBloodPressureComponent)
        {
            var id = ObservationIdentity.ObservationId(device, definition.DefaultMdcCode, effective);
            return CanonicalObservationWriter.ToUtf8Bytes(
                [new VitalSignReading(id, patient, device, kind, definition.DefaultMdcCode, definition.Minimum + 10, effective, ObservationStatus.Preliminary)]);
        }

        var panelId = ObservationIdentity.ObservationId(device, Mdc.NonInvasiveBloodPressure, effective);
        return CanonicalObservationWriter.ToUtf8Bytes(
        [
            new VitalSignReading(panelId, patient, device, VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic, 120, effective, ObservationStatus.Final),
            new VitalSignReading(panelId, patient, device, VitalSignKind.DiastolicBloodPressure, Mdc.NonInvasiveDiastolic, 80, effective, ObservationStatus.Final),
            new VitalSignReading(panelId, patient, device, VitalSignKind.MeanBloodPressure, Mdc.NonInvasiveMean, 93, effective, ObservationStatus.Final),
        ]);
    }

    private static (byte[] Json, string Profile) Load(string name)
    {
        var json = File.ReadAllBytes(Path.Combine(ExamplesDirectory, name + ".json"));
        var profile = (string)JsonNode.Parse(json)!["meta"]!["profile"]![0]!;
        return (json, profile);
    }

    private static IEnumerable<string> CareStreamProfileIds() =>
        ["heart-rate", "pulse-rate", "oxygen-saturation", "respiratory-rate", "body-temperature", "blood-pressure"];

    private static IEnumerable<string> Examples() =>
        Directory.Exists(ExamplesDirectory)
            ? Directory.GetFiles(ExamplesDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)
            : throw new DirectoryNotFoundException($"{ExamplesDirectory} is missing: CareStream.Fhir copies fhir-profiles/ to the output.");
}
