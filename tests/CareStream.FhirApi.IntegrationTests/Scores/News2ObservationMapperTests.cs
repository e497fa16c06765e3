using System.Text.Json;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Scores;
using CareStream.Storage.Scores;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CareStream.FhirApi.IntegrationTests.Scores;

public sealed class News2ObservationMapperTests
{
    private const string BaseObservation = "http://hl7.org/fhir/StructureDefinition/Observation";

    private static readonly Lazy<Validator> CoreValidator = new(() =>
    {
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        var resolver = new CachedResolver(File.Exists(zip) ? new ZipSource(zip) : ZipSource.CreateValidationSource());
        return new Validator(resolver.AsAsync(), new LocalTerminologyService(resolver.AsAsync(), new ValueSetExpanderSettings()));
    });

    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 15, 0, TimeSpan.Zero);

    [Fact]
    public void GivenACompleteHighScore_WhenMappedAndValidatedAgainstR4Observation_ThenItIsValidWithCodesValueAndLevel()
    {
        var score = new News2ScoreRecord("patient-0001", At, 8, "high", 2, [], "ward-3", "bed-07");

        var observation = News2ObservationMapper.ToFhir(score);
        var json = JsonSerializer.Serialize(observation, FhirJson.Options);
        var roundTripped = JsonSerializer.Deserialize<Observation>(json, FhirJson.Options)!;
        var outcome = CoreValidator.Value.Validate(roundTripped, BaseObservation);

        Assert.Empty(Errors(outcome));
        Assert.Equal(["1104051000000101", "88330-6"], observation.Code.Coding.Select(c => c.Code));
        Assert.Equal(8, Assert.IsType<Integer>(observation.Value).Value);
        Assert.Null(observation.DataAbsentReason);
        Assert.Equal("high", observation.Interpretation[0].Coding[0].Code);
        Assert.Equal("survey", observation.Category[0].Coding[0].Code);
        Assert.Equal(2, Assert.IsType<Integer>(observation.GetExtension(News2ObservationMapper.Spo2ScaleExtension)?.Value).Value);
        Assert.Equal("Patient/patient-0001", observation.Subject?.Reference);
        Assert.Equal(At, Assert.IsType<FhirDateTime>(observation.Effective).ToDateTimeOffset(TimeSpan.Zero));
    }

    [Fact]
    public void GivenAnIncompleteScore_WhenMappedAndValidated_ThenItHasNoValueButADataAbsentReasonAndANoteNamingTheMissing()
    {
        var score = new News2ScoreRecord("patient-0001", At, null, null, 1, ["consciousness", "supplementalOxygen"], null, null);

        var observation = News2ObservationMapper.ToFhir(score);
        var outcome = CoreValidator.Value.Validate(observation, BaseObservation);

        Assert.Empty(Errors(outcome));
        Assert.Null(observation.Value);
        Assert.Equal("unknown", observation.DataAbsentReason?.Coding[0].Code);
        Assert.Contains("consciousness, supplementalOxygen", observation.Note[0].Text, StringComparison.Ordinal);
        Assert.Empty(observation.Interpretation);
    }

    private static List<string> Errors(OperationOutcome outcome) =>
        [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => i.Details?.Text ?? i.Diagnostics ?? "")];

    [Fact]
    public void GivenTheSameOutcomeTwice_WhenItsFullUrlIsTaken_ThenItIsTheSameUrnUuidAndDiffersForAnotherTime()
    {
        var score = new News2ScoreRecord("patient-0001", At, 3, "low", 1, [], null, null);

        var first = News2ObservationMapper.FullUrl(score);
        var again = News2ObservationMapper.FullUrl(score with { });
        var later = News2ObservationMapper.FullUrl(score with { ComputedAt = At.AddSeconds(1) });

        Assert.StartsWith("urn:uuid:", first, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(first["urn:uuid:".Length..], out _));
        Assert.Equal(first, again);
        Assert.NotEqual(first, later);
    }
}
