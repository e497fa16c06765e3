using System.Globalization;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Canonical;

/// <summary>
/// Reads canonical CareStream Observations (as <see cref="CanonicalObservationWriter"/> writes them) back into
/// <see cref="VitalSignReading"/>s with a <see cref="Utf8JsonReader"/> token scan: the store and rules hot path.
/// Property order is free; unknown properties are skipped.
/// </summary>
public static class CanonicalObservationReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads one Observation.</summary>
    /// <exception cref="FhirFormatException">The JSON is not a canonical CareStream vital-sign Observation.</exception>
    public static IReadOnlyList<VitalSignReading> Read(ReadOnlySpan<byte> json)
    {
        var readings = new List<VitalSignReading>(1);
        Read(json, readings);
        return readings;
    }

    /// <summary>Reads one Observation and appends its readings (1, or 2–3 for a BP panel) to <paramref name="destination"/>.</summary>
    /// <returns>The number of readings appended.</returns>
    /// <exception cref="FhirFormatException">The JSON is not a canonical CareStream vital-sign Observation.</exception>
    public static int Read(ReadOnlySpan<byte> json, ICollection<VitalSignReading> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            return ReadCore(json, destination);
        }
        catch (JsonException ex)
        {
            throw new FhirFormatException(ObservationErrorCode.MalformedJson, $"Malformed JSON: {ex.Message}", ex);
        }
    }

    private static int ReadCore(ReadOnlySpan<byte> json, ICollection<VitalSignReading> destination)
    {
        var reader = new Utf8JsonReader(json, Options);
        Expect(ref reader, JsonTokenType.StartObject, "an Observation object");
        string? resourceType = null, id = null, status = null, subject = null, device = null, effective = null;
        Coded code = default;
        Quantity? value = null;
        var buffer = default(ComponentBuffer);
        Span<Component> components = buffer;
        var componentCount = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resourceType"u8)) { resourceType = ReadString(ref reader); }
            else if (reader.ValueTextEquals("id"u8)) { id = ReadString(ref reader); }
            else if (reader.ValueTextEquals("status"u8)) { status = ReadString(ref reader); }
            else if (reader.ValueTextEquals("code"u8)) { code = ReadCode(ref reader); }
            else if (reader.ValueTextEquals("subject"u8)) { subject = ReadReference(ref reader); }
            else if (reader.ValueTextEquals("device"u8)) { device = ReadReference(ref reader); }
            else if (reader.ValueTextEquals("effectiveDateTime"u8)) { effective = ReadString(ref reader); }
            else if (reader.ValueTextEquals("valueQuantity"u8)) { value = ReadQuantity(ref reader); }
            else if (reader.ValueTextEquals("component"u8)) { componentCount = ReadComponents(ref reader, components); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (resourceType != "Observation")
        {
            throw Fail(ObservationErrorCode.UnsupportedResourceType, $"resourceType is '{resourceType}', expected 'Observation'.");
        }

        if (string.IsNullOrEmpty(id))
        {
            throw Fail(ObservationErrorCode.InvalidId, "Observation.id is missing.");
        }

        if (!ObservationJson.TryParseStatus(status, out var parsedStatus))
        {
            throw Fail(ObservationErrorCode.InvalidStatus, $"Observation.status '{status}' is not preliminary, final, amended or entered-in-error.");
        }

        var patient = new PatientId(StripType(subject, "Patient/", ObservationErrorCode.MissingSubject, "subject"));
        var deviceId = new DeviceId(StripType(device, "Device/", ObservationErrorCode.MissingDevice, "device"));
        if (effective is null || !DateTimeOffset.TryParseExact(effective, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveAt))
        {
            throw Fail(ObservationErrorCode.MissingEffective, $"effectiveDateTime '{effective}' is missing or not a full date-time with offset.");
        }

        if (code.Loinc == Loinc.BloodPressurePanel)
        {
            if (componentCount == 0)
            {
                throw Fail(ObservationErrorCode.InvalidComponents, "A blood-pressure panel needs components.");
            }

            foreach (var c in components[..componentCount])
            {
                var kind = VitalSignCatalog.ByLoincCode(c.Code.Loinc ?? string.Empty)?.Kind ?? default;
                var coded = c.Code with { Mdc = Mdc.BloodPressureComponentOf(code.Mdc, kind) };
                destination.Add(ToReading(id, patient, deviceId, coded, c.Value, effectiveAt, parsedStatus));
            }

            return componentCount;
        }

        destination.Add(ToReading(id, patient, deviceId, code, value, effectiveAt, parsedStatus));
        return 1;
    }

    private static VitalSignReading ToReading(
        string id, PatientId patient, DeviceId device, Coded code, Quantity? value, DateTimeOffset effectiveAt, ObservationStatus status)
    {
        var definition = code.Loinc is null ? null : VitalSignCatalog.Resolve(code.Loinc, code.Mdc);
        if (definition is null)
        {
            throw Fail(ObservationErrorCode.UnknownCode, $"Code {code.Loinc} + MDC {code.Mdc} is not a CareStream vital sign.");
        }

        if (value is not { } q)
        {
            throw Fail(ObservationErrorCode.MissingValue, $"{definition.Display} has no valueQuantity.value.");
        }

        if (q.Code != definition.CanonicalUnit)
        {
            throw Fail(ObservationErrorCode.InvalidUnit, $"{definition.Display} unit '{q.Code}' is not the canonical '{definition.CanonicalUnit}'.");
        }

        return new VitalSignReading(id, patient, device, definition.Kind, code.Mdc, q.Value, effectiveAt, status);
    }

    private static Coded ReadCode(ref Utf8JsonReader reader, bool requireMdc = true)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a CodeableConcept");
        Coded result = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("coding"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray, "a coding array");
            var index = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? system = null, value = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("system"u8)) { system = ReadString(ref reader); }
                    else if (reader.ValueTextEquals("code"u8)) { value = ReadString(ref reader); }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                if (index == 0 && system == FhirSystems.Loinc)
                {
                    result.Loinc = value;
                }
                else if (index == 1 && system == FhirSystems.Mdc)
                {
                    result.Mdc = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mdc) ? mdc : 0;
                }

                index++;
            }
        }

        if (result.Loinc is null || (requireMdc && result.Mdc == 0))
        {
            throw Fail(ObservationErrorCode.CodingOrder, "code.coding must start with a LOINC coding, followed by an MDC coding outside BP components.");
        }

        return result;
    }

    private static int ReadComponents(ref Utf8JsonReader reader, scoped Span<Component> components)
    {
        Expect(ref reader, JsonTokenType.StartArray, "a component array");
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (count == components.Length)
            {
                throw Fail(ObservationErrorCode.InvalidComponents, "A blood-pressure panel has at most 3 components.");
            }

            Component component = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("code"u8)) { component.Code = ReadCode(ref reader, requireMdc: false); }
                else if (reader.ValueTextEquals("valueQuantity"u8)) { component.Value = ReadQuantity(ref reader); }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            components[count++] = component;
        }

        return count;
    }

    private static Quantity ReadQuantity(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a Quantity");
        double? value = null;
        string? unitCode = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                Expect(ref reader, JsonTokenType.Number, "a number");
                value = reader.GetDouble();
            }
            else if (reader.ValueTextEquals("code"u8)) { unitCode = ReadString(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return value is { } v ? new Quantity(v, unitCode) : throw Fail(ObservationErrorCode.MissingValue, "valueQuantity.value is missing.");
    }

    private static string? ReadReference(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a Reference");
        string? reference = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("reference"u8)) { reference = ReadString(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return reference;
    }

    private static string StripType(string? reference, string prefix, ObservationErrorCode error, string element) =>
        reference is not null && reference.Length > prefix.Length && reference.StartsWith(prefix, StringComparison.Ordinal)
            ? reference[prefix.Length..]
            : throw Fail(error, $"Observation.{element} '{reference}' is not a '{prefix}{{id}}' reference.");

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return reader.GetString();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw Fail(ObservationErrorCode.MalformedJson, $"Expected {what} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
        }
    }

    private static FhirFormatException Fail(ObservationErrorCode code, string reason) => new(code, reason);

    private record struct Coded(string? Loinc, int Mdc);

    private record struct Quantity(double Value, string? Code);

    private record struct Component(Coded Code, Quantity? Value);

    [System.Runtime.CompilerServices.InlineArray(3)]
    private struct ComponentBuffer
    {
        private Component _element;
    }
}
