using System.Text.Json;
using CareStream.Fhir.Mapping;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CareStream.Fhir.Validation;

/// <summary>
/// Validates Observations with Firely.Fhir.Validation against the CareStream profiles (fhir-profiles/, copied next to
/// the assembly) and the offline R4 core specification (Hl7.Fhir.Specification.Data.R4 <c>specification.zip</c>).
/// Snapshots of the differential-only profiles are generated on first use and cached.
/// </summary>
/// <remarks>
/// Costs milliseconds per resource (the first call seconds): use it at the API edge and in tests, not on the
/// Kafka hot path, where <see cref="Ingress.DeviceObservationParser"/> gives the same verdict. One instance per process;
/// calls are serialised because the validator's schema cache is not documented as thread-safe.
/// </remarks>
public sealed class ObservationProfileValidator
{
    private static readonly Lazy<ObservationProfileValidator> LazyShared = new(() => new ObservationProfileValidator());

    // Conformance resources never change while the process runs; a negative duration would expire entries at once.
    private const int CacheSeconds = 365 * 24 * 3600;

    private readonly Validator _validator;
    private readonly Lock _gate = new();

    /// <summary>Builds a validator over the profiles in <paramref name="profileDirectory"/> (default: <c>{AppContext.BaseDirectory}/fhir-profiles</c>).</summary>
    public ObservationProfileValidator(string? profileDirectory = null)
    {
        var directory = profileDirectory ?? Path.Combine(AppContext.BaseDirectory, "fhir-profiles");
        if (!File.Exists(Path.Combine(directory, "StructureDefinition-carestream-vital-sign.json")))
        {
            throw new DirectoryNotFoundException(
                $"CareStream profiles not found in '{directory}'. Reference CareStream.Fhir (it copies fhir-profiles/ to the output).");
        }

        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        var core = File.Exists(zip) ? new ZipSource(zip) : ZipSource.CreateValidationSource();
        var profiles = new DirectorySource(directory, new DirectorySourceSettings { IncludeSubDirectories = false });
        var resolver = new CachedResolver(new SnapshotSource(new CachedResolver(new MultiResolver(profiles, core), CacheSeconds)), CacheSeconds);
        var terminology = new LocalTerminologyService(resolver.AsAsync(), new ValueSetExpanderSettings());
        _validator = new Validator(resolver.AsAsync(), terminology);
    }

    /// <summary>A process-wide instance over the default profile directory.</summary>
    public static ObservationProfileValidator Shared => LazyShared.Value;

    /// <summary>Validates against <paramref name="profile"/>, or the CareStream profile its codes select (<see cref="SelectProfile"/>).</summary>
    public ProfileValidationResult Validate(Observation observation, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        profile ??= SelectProfile(observation);
        lock (_gate)
        {
            return new ProfileValidationResult(profile, _validator.Validate(observation, profile));
        }
    }

    /// <summary>Parses FHIR JSON with Firely (strict) and validates it; a parse failure is an invalid result, not an exception.</summary>
    public ProfileValidationResult Validate(ReadOnlySpan<byte> json, string? profile = null)
    {
        Observation observation;
        try
        {
            observation = FhirJson.Deserialize<Observation>(json);
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException or InvalidCastException)
        {
            var outcome = new OperationOutcome();
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Structure,
                Details = new CodeableConcept { Text = ex.Message },
            });
            return new ProfileValidationResult(profile ?? CareStreamProfiles.VitalSign, outcome);
        }

        return Validate(observation, profile);
    }

    /// <summary>
    /// The CareStream profile an Observation's codes select: LOINC (first coding) + MDC (second coding) through
    /// <see cref="VitalSignCatalog"/>; a known LOINC with a wrong MDC code selects the LOINC's profile (which then fails);
    /// anything else the fallback <see cref="CareStreamProfiles.VitalSign"/>.
    /// </summary>
    public static string SelectProfile(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var codings = observation.Code?.Coding ?? [];
        var loinc = codings.Count > 0 && codings[0].System == FhirSystems.Loinc ? codings[0].Code : null;
        var mdcCode = codings.Count > 1 && codings[1].System == FhirSystems.Mdc && int.TryParse(codings[1].Code, out var m) ? m : 0;
        if (loinc is null)
        {
            return CareStreamProfiles.VitalSign;
        }

        if (loinc == Loinc.BloodPressurePanel)
        {
            return CareStreamProfiles.BloodPressure;
        }

        var definition = VitalSignCatalog.Resolve(loinc, mdcCode) ?? VitalSignCatalog.ByLoincCode(loinc);
        return definition is null || definition.IsBloodPressureComponent ? CareStreamProfiles.VitalSign : definition.Profile;
    }
}
