using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Ingress;

/// <summary>Checks one Observation element against the CareStream profile rules and extracts its readings.</summary>
internal sealed partial class ObservationElementReader(DeviceObservationParserOptions options, DateTimeOffset receivedAt)
{
    // Elements of R4 Observation a device may send (dataAbsentReason only to refuse it with its own reason). value[x]
    // other than valueQuantity and modifierExtension are refused: the profiles forbid the first, nobody here
    // understands the second.
    private static readonly FrozenSet<string> ObservationElements = FrozenSet.ToFrozenSet(
    [
        "resourceType", "id", "meta", "implicitRules", "language", "text", "extension", "identifier", "basedOn",
        "partOf", "status", "category", "code", "subject", "focus", "encounter", "effectiveDateTime", "effectivePeriod",
        "effectiveInstant", "issued", "performer", "valueQuantity", "dataAbsentReason", "interpretation", "note", "bodySite", "method",
        "device", "referenceRange", "hasMember", "derivedFrom", "component",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> CodingElements =
        FrozenSet.ToFrozenSet(["id", "extension", "system", "version", "code", "display", "userSelected"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> QuantityElements =
        FrozenSet.ToFrozenSet(["id", "extension", "value", "unit", "system", "code"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ComponentElements = FrozenSet.ToFrozenSet(
        ["id", "extension", "code", "valueQuantity", "interpretation", "referenceRange"], StringComparer.Ordinal);

    public void Read(JsonElement observation, int entryIndex, List<DeviceReading> destination)
    {
        if (observation.ValueKind != JsonValueKind.Object || !observation.TryGetProperty("resourceType", out var type)
            || !type.ValueEquals("Observation"u8))
        {
            throw Fail(ObservationErrorCode.UnsupportedResourceType, "Entry is not an Observation resource.");
        }

        EnsureOnly(observation, ObservationElements, "Observation");
        if (NarrativeGuard.Check(observation) is { } unsafeNarrative)
        {
            throw Fail(ObservationErrorCode.UnsafeNarrative, unsafeNarrative);
        }

        if (observation.TryGetProperty("id", out var id) && (id.ValueKind != JsonValueKind.String || !FhirId().IsMatch(id.GetString()!)))
        {
            throw Fail(ObservationErrorCode.InvalidId, "Observation.id is not a FHIR id ([A-Za-z0-9-.]{1,64}).");
        }

        var status = ReadStatus(observation);
        RequireVitalSignsCategory(observation);
        var (loinc, mdc) = ReadCode(observation, "Observation.code");
        var device = ReadDevice(observation);
        var effectiveAt = ReadEffective(observation);
        var skewed = effectiveAt - receivedAt > options.ClockSkewTolerance;

        if (loinc == Loinc.BloodPressurePanel)
        {
            if (!VitalSignCatalog.BloodPressurePanelMdcCodes.Contains(mdc))
            {
                throw Fail(ObservationErrorCode.UnknownCode, $"MDC {mdc} is not a blood-pressure compound code (150020, 150032, 150036).");
            }

            if (observation.TryGetProperty("valueQuantity", out _))
            {
                throw Fail(ObservationErrorCode.InvalidComponents, "A blood-pressure panel carries its values in components, not valueQuantity.");
            }

            var panel = ReadComponents(observation, mdc);
            foreach (var (definition, componentMdc, value, unit, sent) in panel)
            {
                destination.Add(new DeviceReading(device, definition.Kind, definition.LoincCode, componentMdc, mdc, value, unit, sent,
                    effectiveAt, status, entryIndex, receivedAt, skewed));
            }

            return;
        }

        var kind = Classify(loinc, mdc);
        if (observation.TryGetProperty("component", out _))
        {
            throw Fail(ObservationErrorCode.InvalidComponents, $"{kind.Display} carries its value in valueQuantity, not components.");
        }

        var (canonical, unitSent, valueSent) = ReadQuantity(observation, kind, "Observation.valueQuantity");
        destination.Add(new DeviceReading(device, kind.Kind, loinc, mdc, mdc, canonical, unitSent, valueSent,
            effectiveAt, status, entryIndex, receivedAt, skewed));
    }

    private static VitalSignDefinition Classify(string loinc, int mdc)
    {
        var byLoinc = VitalSignCatalog.ByLoincCode(loinc);
        if (byLoinc is null || byLoinc.IsBloodPressureComponent)
        {
            throw Fail(ObservationErrorCode.UnknownCode, $"LOINC {loinc} is not a vital sign CareStream accepts as an Observation code.");
        }

        return VitalSignCatalog.Resolve(loinc, mdc)
            ?? throw Fail(ObservationErrorCode.UnknownCode,
                $"MDC {mdc} ({Mdc.ReferenceId(mdc) ?? "unknown"}) is not accepted with LOINC {loinc} ({byLoinc.Display}).");
    }

    private static ObservationStatus ReadStatus(JsonElement observation)
    {
        var status = observation.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return ObservationJson.TryParseStatus(status, out var parsed)
            ? parsed
            : throw Fail(ObservationErrorCode.InvalidStatus,
                $"Observation.status '{status}' must be preliminary, final, amended or entered-in-error.");
    }

    private static void RequireVitalSignsCategory(JsonElement observation)
    {
        if (observation.TryGetProperty("category", out var categories) && categories.ValueKind == JsonValueKind.Array)
        {
            foreach (var category in categories.EnumerateArray())
            {
                if (category.ValueKind == JsonValueKind.Object && category.TryGetProperty("coding", out var codings)
                    && codings.ValueKind == JsonValueKind.Array
                    && codings.EnumerateArray().Any(c => IsCoding(c, FhirSystems.ObservationCategory, FhirSystems.VitalSignsCategory)))
                {
                    return;
                }
            }
        }

        throw Fail(ObservationErrorCode.MissingCategory, "Observation.category must contain observation-category#vital-signs.");
    }

    private static bool IsCoding(JsonElement coding, string system, string code) =>
        coding.ValueKind == JsonValueKind.Object
        && coding.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String && s.ValueEquals(system)
        && coding.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String && c.ValueEquals(code);

    private static (string Loinc, int Mdc) ReadCode(JsonElement owner, string path)
    {
        if (!owner.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Object
            || !code.TryGetProperty("coding", out var codings) || codings.ValueKind != JsonValueKind.Array)
        {
            throw Fail(ObservationErrorCode.CodingOrder, $"{path}.coding is missing.");
        }

        string? loinc = null, mdcText = null;
        var index = 0;
        foreach (var coding in codings.EnumerateArray())
        {
            if (coding.ValueKind != JsonValueKind.Object)
            {
                throw Fail(ObservationErrorCode.MalformedJson, $"{path}.coding[{index}] is not an object.");
            }

            EnsureOnly(coding, CodingElements, $"{path}.coding[{index}]");
            var system = StringOf(coding, "system");
            var value = StringOf(coding, "code");
            if (index == 0 && system == FhirSystems.Loinc)
            {
                loinc = value;
            }
            else if (index == 1 && system == FhirSystems.Mdc)
            {
                mdcText = value;
            }

            index++;
        }

        if (loinc is null)
        {
            throw Fail(ObservationErrorCode.CodingOrder, $"{path}.coding[0] must be the LOINC coding (system {FhirSystems.Loinc}).");
        }

        if (mdcText is null)
        {
            throw Fail(ObservationErrorCode.CodingOrder, $"{path}.coding[1] must be the MDC coding (system {FhirSystems.Mdc}).");
        }

        return int.TryParse(mdcText, NumberStyles.None, CultureInfo.InvariantCulture, out var mdc)
            ? (loinc, mdc)
            : throw Fail(ObservationErrorCode.UnknownCode, $"MDC code '{mdcText}' is not a numeric 11073-10101 code.");
    }

    private static DeviceId ReadDevice(JsonElement observation)
    {
        if (!observation.TryGetProperty("device", out var device) || device.ValueKind != JsonValueKind.Object)
        {
            throw Fail(ObservationErrorCode.MissingDevice, "Observation.device is missing; device data must name its device.");
        }

        var reference = StringOf(device, "reference");
        return reference is not null && DeviceReference().Match(reference) is { Success: true } m
            ? new DeviceId(m.Groups[1].Value)
            : throw Fail(ObservationErrorCode.InvalidDeviceReference, "Observation.device.reference must be 'Device/{id}'.");
    }

    private DateTimeOffset ReadEffective(JsonElement observation)
    {
        string? text = StringOf(observation, "effectiveDateTime");
        if (text is null && options.AcceptEffectivePeriod)
        {
            text = StringOf(observation, "effectiveInstant")
                ?? (observation.TryGetProperty("effectivePeriod", out var period) && period.ValueKind == JsonValueKind.Object
                    ? StringOf(period, "start") : null);
        }

        if (text is null)
        {
            throw Fail(ObservationErrorCode.MissingEffective, "Observation.effectiveDateTime is missing.");
        }

        if (!FullDateTime().IsMatch(text))
        {
            throw Fail(ObservationErrorCode.ImpreciseEffective,
                $"effectiveDateTime '{text}' must be a date-time to the second with a time zone (e.g. 2026-01-01T10:00:00Z).");
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Fail(ObservationErrorCode.ImpreciseEffective, $"effectiveDateTime '{text}' is not a valid date-time.");
    }

    internal static (double Canonical, string Unit, double Sent) ReadQuantity(JsonElement owner, VitalSignDefinition kind, string path)
    {
        if (owner.TryGetProperty("dataAbsentReason", out _))
        {
            throw Fail(ObservationErrorCode.MissingValue, $"{kind.Display}: dataAbsentReason is not accepted; send a value or nothing.");
        }

        if (!owner.TryGetProperty("valueQuantity", out var quantity) || quantity.ValueKind != JsonValueKind.Object)
        {
            throw Fail(ObservationErrorCode.MissingValue, $"{path} is missing.");
        }

        EnsureOnly(quantity, QuantityElements, path);
        if (!quantity.TryGetProperty("value", out var number) || number.ValueKind != JsonValueKind.Number
            || !number.TryGetDouble(out var sent) || !double.IsFinite(sent))
        {
            throw Fail(ObservationErrorCode.MissingValue, $"{path}.value is missing or not a number.");
        }

        if (StringOf(quantity, "system") != FhirSystems.Ucum)
        {
            throw Fail(ObservationErrorCode.InvalidUnit, $"{path}.system must be {FhirSystems.Ucum}.");
        }

        var unit = StringOf(quantity, "code");
        if (!UnitConversion.TryToCanonical(kind.Kind, unit, sent, out var canonical, out var reason))
        {
            throw Fail(ObservationErrorCode.InvalidUnit, reason);
        }

        if (StringOf(quantity, "unit") is null)
        {
            throw Fail(ObservationErrorCode.InvalidUnit, $"{path}.unit (the display unit) is required by the R4 vital-signs profile.");
        }

        return kind.IsPlausible(canonical)
            ? (canonical, unit!, sent)
            : throw Fail(ObservationErrorCode.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                $"{kind.Display} {sent} {unit} is outside the physiologic range {kind.Minimum}–{kind.Maximum} {kind.CanonicalUnit}."));
    }

    internal static void EnsureOnly(JsonElement element, FrozenSet<string> allowed, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fail(ObservationErrorCode.UnknownElement, $"{path} has an element '{property.Name}' CareStream does not accept.");
            }
        }
    }

    internal static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static FhirFormatException Fail(ObservationErrorCode code, string reason) => new(code, reason);

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex FhirId();

    [GeneratedRegex(@"^Device/([A-Za-z0-9\-\.]{1,64})$")]
    private static partial Regex DeviceReference();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex FullDateTime();
}
