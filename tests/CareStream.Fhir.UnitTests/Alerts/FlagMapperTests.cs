using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Fhir.Alerts;
using CareStream.Fhir.Mapping;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CareStream.Fhir.UnitTests.Alerts;

public sealed class FlagMapperTests
{
    private const string BaseFlag = "http://hl7.org/fhir/StructureDefinition/Flag";

    private static readonly Lazy<Validator> CoreValidator = new(() =>
    {
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        var resolver = new CachedResolver(File.Exists(zip) ? new ZipSource(zip) : ZipSource.CreateValidationSource());
        return new Validator(resolver.AsAsync(), new LocalTerminologyService(resolver.AsAsync(), new ValueSetExpanderSettings()));
    });

    private static readonly DateTimeOffset Raised = new(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AlarmPriority.High, "PH")]
    [InlineData(AlarmPriority.Medium, "PM")]
    [InlineData(AlarmPriority.Low, "PL")]
    public void GivenAnEpisodePriority_WhenMapped_ThenTheFlagPriorityExtensionCarriesItsCode(AlarmPriority priority, string code)
    {
        var episode = Episode() with { Priority = priority };

        var flag = FlagMapper.ToFlag(episode);

        var value = Value<CodeableConcept>(flag, AlarmFhirCodes.FlagPriorityExtension);
        Assert.Equal(AlarmFhirCodes.FlagPrioritySystem, value.Coding[0].System);
        Assert.Equal(code, value.Coding[0].Code);
    }

    [Theory]
    [InlineData(AlarmStatus.Raised, Flag.FlagStatus.Active)]
    [InlineData(AlarmStatus.Escalated, Flag.FlagStatus.Active)]
    [InlineData(AlarmStatus.Acknowledged, Flag.FlagStatus.Active)]
    [InlineData(AlarmStatus.Resolved, Flag.FlagStatus.Inactive)]
    public void GivenALifecycleState_WhenMapped_ThenTheFlagStatusIsActiveUntilResolved(AlarmStatus status, Flag.FlagStatus expected)
    {
        var episode = Episode() with { Status = status, ResolvedAt = status == AlarmStatus.Resolved ? Raised.AddMinutes(4) : null };

        var flag = FlagMapper.ToFlag(episode);

        Assert.Equal(expected, flag.Status);
        Assert.Equal(status == AlarmStatus.Resolved, flag.Period?.End is not null);
    }

    [Fact]
    public void GivenARaisedEpisodeWithEvidence_WhenMapped_ThenIdSubjectCodePeriodAndEvidenceLinksAreSet()
    {
        var episode = Episode();

        var flag = FlagMapper.ToFlag(episode, ["obs-1", "obs-2"], new WardId("ward-3"), new BedId("bed-07"));

        Assert.Equal("ep-0001", flag.Id);
        Assert.Equal("Patient/patient-0001", flag.Subject.Reference);
        Assert.Equal("OxygenSaturationLow", flag.Code.Coding[0].Code);
        Assert.Equal(AlarmFhirCodes.Physiological, flag.Category[0].Coding[0].Code);
        Assert.Equal(Raised, flag.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Null(flag.Period?.End);
        Assert.Equal(["Observation/obs-1", "Observation/obs-2"],
            flag.GetExtensions(AlarmFhirCodes.FlagDetailExtension).Select(e => Assert.IsType<ResourceReference>(e.Value).Reference));
        Assert.Equal("bed-07", Value<FhirString>(flag, AlarmFhirCodes.LocationExtension, "bed").Value);
        Assert.Null(flag.GetExtension(AlarmFhirCodes.AcknowledgedExtension));
    }

    [Fact]
    public void GivenAnAcknowledgedEscalatedPausedEpisode_WhenMapped_ThenTheLifecycleExtensionsCarryIt()
    {
        var episode = Episode() with
        {
            Status = AlarmStatus.Acknowledged, EscalationLevel = 2, AcknowledgedAt = Raised.AddMinutes(3),
            AcknowledgedBy = "clinician-42", AudioPausedUntil = Raised.AddMinutes(2),
        };

        var flag = FlagMapper.ToFlag(episode);

        Assert.Equal("clinician-42", Value<FhirString>(flag, AlarmFhirCodes.AcknowledgedExtension, "by").Value);
        Assert.Equal(2, Value<Integer>(flag, AlarmFhirCodes.EscalationLevelExtension).Value);
        Assert.NotNull(flag.GetExtension(AlarmFhirCodes.AudioPausedUntilExtension));
        Assert.Equal("acknowledged", Value<Coding>(flag, AlarmFhirCodes.LifecycleStatusExtension).Code);
        Assert.Equal("spo2-low", Value<FhirString>(flag, AlarmFhirCodes.RuleExtension, "id").Value);
    }

    public static TheoryData<string> Shapes => new("raised", "acknowledged", "resolved-technical");

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GivenAMappedFlag_WhenValidatedAgainstTheR4CoreFlag_ThenThereAreNoErrors(string shape)
    {
        var episode = shape switch
        {
            "raised" => Episode(),
            "acknowledged" => Episode() with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = Raised.AddMinutes(1), AcknowledgedBy = "c-1", AudioPausedUntil = Raised.AddMinutes(3) },
            _ => Episode() with { Category = AlarmCategory.Technical, Condition = "NoData", Status = AlarmStatus.Resolved, ResolvedAt = Raised.AddHours(1), ConditionActive = false },
        };
        var flag = FlagMapper.ToFlag(episode, ["obs-1"], new WardId("ward-3"), new BedId("bed-07"));
        var roundTripped = FhirJson.Deserialize<Flag>(FhirJson.SerializeToUtf8Bytes(flag));

        var outcome = CoreValidator.Value.Validate(roundTripped, BaseFlag);

        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => i.Details?.Text ?? i.Diagnostics).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void GivenAFlagWithoutCodeAndSubject_WhenValidatedAgainstTheR4CoreFlag_ThenTheValidatorReportsErrors()
    {
        var flag = FlagMapper.ToFlag(Episode());
        flag.Code = null!; // deliberately invalid: Flag.code is 1..1
        flag.Subject = null!;

        var outcome = CoreValidator.Value.Validate(flag, BaseFlag);

        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    private static T Value<T>(Flag flag, string url, string? part = null)
        where T : DataType
    {
        var extension = Assert.IsType<Extension>(flag.GetExtension(url));
        if (part is not null)
        {
            extension = Assert.IsType<Extension>(extension.GetExtension(part));
        }

        return Assert.IsType<T>(extension.Value);
    }

    private static AlarmEpisode Episode() => new(
        "ep-0001", "spo2-low", 3, new PatientId("patient-0001"), AlarmCategory.Physiological, AlarmPriority.High,
        "OxygenSaturationLow", Latching: false, AlarmStatus.Raised, Raised.AddSeconds(-15), Raised, ConditionActive: true,
        EscalationLevel: 0, Raised, AcknowledgedAt: null, AcknowledgedBy: null, AudioPausedUntil: null, ResolvedAt: null);
}
