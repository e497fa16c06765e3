using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Canonical;

/// <summary>Shared Utf8JsonWriter code of the canonical and the device-style writers.</summary>
internal static class ObservationJson
{
    // Relaxed escaping keeps '+' in "+01:00" literal; the output is still valid JSON.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    internal static Utf8JsonWriter RentWriter(System.Buffers.IBufferWriter<byte> output)
    {
        var writer = t_writer ??= new Utf8JsonWriter(Stream.Null, WriterOptions);
        writer.Reset(output);
        return writer;
    }

    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    internal static string FormatDateTime(DateTimeOffset value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    internal static string StatusCode(ObservationStatus status) => status switch
    {
        ObservationStatus.Preliminary => "preliminary",
        ObservationStatus.Final => "final",
        ObservationStatus.Amended => "amended",
        ObservationStatus.EnteredInError => "entered-in-error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an Observation status CareStream writes."),
    };

    internal static bool TryParseStatus(string? code, out ObservationStatus status)
    {
        status = code switch
        {
            "preliminary" => ObservationStatus.Preliminary,
            "final" => ObservationStatus.Final,
            "amended" => ObservationStatus.Amended,
            "entered-in-error" => ObservationStatus.EnteredInError,
            _ => 0,
        };
        return status != 0;
    }

    /// <summary>
    /// Writes one Observation. <paramref name="patient"/> null = device-style (no id, identifier, subject).
    /// <paramref name="observationId"/> is the id when the caller already holds the deterministic one (a stored row);
    /// null computes it from the business identifier.
    /// </summary>
    internal static void Write(
        Utf8JsonWriter w, PatientId? patient, DeviceId device, DateTimeOffset effectiveAt, ObservationStatus status,
        ReadOnlySpan<DeviceMeasurement> measurements, string? observationId = null)
    {
        if (measurements.IsEmpty)
        {
            throw new ArgumentException("An Observation needs at least one measurement.", nameof(measurements));
        }

        var first = VitalSignCatalog.Get(measurements[0].Kind);
        var isPanel = first.IsBloodPressureComponent;
        if (!isPanel && measurements.Length != 1)
        {
            throw new ArgumentException("Only a blood-pressure panel carries several measurements.", nameof(measurements));
        }

        var observationMdc = isPanel ? Mdc.BloodPressurePanelOf(measurements[0].MdcCode) : measurements[0].MdcCode;
        if (observationMdc == 0)
        {
            throw new ArgumentException($"MDC code {measurements[0].MdcCode} is not a blood-pressure component code.", nameof(measurements));
        }

        w.WriteStartObject();
        w.WriteString("resourceType"u8, "Observation"u8);
        if (patient is { } p)
        {
            var identifier = ObservationIdentity.BusinessIdentifier(device, observationMdc, effectiveAt);
            w.WriteString("id"u8, observationId ?? ObservationIdentity.ObservationIdFor(identifier));
            w.WriteStartObject("meta"u8);
            w.WriteStartArray("profile"u8);
            w.WriteStringValue(first.Profile);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("identifier"u8);
            w.WriteStartObject();
            w.WriteString("system"u8, FhirSystems.ObservationIdentifier);
            w.WriteString("value"u8, identifier);
            w.WriteEndObject();
            w.WriteEndArray();
            WriteBody(w, status, first, observationMdc, isPanel);
            w.WriteStartObject("subject"u8);
            WritePrefixed(w, "reference"u8, "Patient/", p.Value);
            w.WriteEndObject();
        }
        else
        {
            WriteBody(w, status, first, observationMdc, isPanel);
        }

        Span<char> effective = stackalloc char[40];
        w.WriteString("effectiveDateTime"u8, effectiveAt.TryFormat(effective, out var length, DateTimeFormat, CultureInfo.InvariantCulture)
            ? effective[..length]
            : FormatDateTime(effectiveAt));
        w.WriteStartObject("device"u8);
        WritePrefixed(w, "reference"u8, "Device/", device.Value);
        w.WriteEndObject();
        if (isPanel)
        {
            w.WriteStartArray("component"u8);
            foreach (var m in measurements)
            {
                var d = VitalSignCatalog.Get(m.Kind);
                if (!d.IsBloodPressureComponent)
                {
                    throw new ArgumentException($"{m.Kind} is not a blood-pressure component.", nameof(measurements));
                }

                w.WriteStartObject();
                if (Mdc.BloodPressurePanelOf(m.MdcCode) != observationMdc)
                {
                    throw new ArgumentException($"MDC {m.MdcCode} does not belong to BP panel {observationMdc}.", nameof(measurements));
                }

                // Components carry only their LOINC coding: Firely cannot match dual-coded components to the R4 bp
                // slices, and the component MDC code follows from the panel's (Mdc.BloodPressureComponentOf).
                WriteCode(w, d.LoincCode, d.Display, null, null);
                WriteQuantity(w, m.Value, d.CanonicalUnit);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            WriteQuantity(w, measurements[0].Value, first.CanonicalUnit);
        }

        w.WriteEndObject();
    }

    // "Patient/" + id without an intermediate string (ids are short; a long one takes the allocating path).
    private static void WritePrefixed(Utf8JsonWriter w, ReadOnlySpan<byte> name, string prefix, string value)
    {
        var length = prefix.Length + value.Length;
        if (length > 256)
        {
            w.WriteString(name, prefix + value);
            return;
        }

        Span<char> text = stackalloc char[length];
        prefix.CopyTo(text);
        value.CopyTo(text[prefix.Length..]);
        w.WriteString(name, text);
    }

    private static void WriteBody(Utf8JsonWriter w, ObservationStatus status, VitalSignDefinition first, int observationMdc, bool isPanel)
    {
        w.WriteString("status"u8, StatusCode(status));
        w.WriteStartArray("category"u8);
        w.WriteStartObject();
        w.WriteStartArray("coding"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, FhirSystems.ObservationCategory);
        w.WriteString("code"u8, FhirSystems.VitalSignsCategory);
        w.WriteString("display"u8, "Vital Signs"u8);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        if (isPanel)
        {
            WriteCode(w, Loinc.BloodPressurePanel, "Blood pressure panel with all children optional", observationMdc, null);
        }
        else
        {
            var extra = observationMdc == Mdc.PulseOximeterSaturation ? Loinc.OxygenSaturationByPulseOximetry : null;
            WriteCode(w, first.LoincCode, first.Display, observationMdc, extra);
        }
    }

    private static void WriteCode(Utf8JsonWriter w, string loinc, string display, int? mdc, string? extraLoinc)
    {
        w.WriteStartObject("code"u8);
        w.WriteStartArray("coding"u8);
        WriteCoding(w, FhirSystems.Loinc, loinc, display);
        if (mdc is { } code)
        {
            WriteCoding(w, FhirSystems.Mdc, code.ToString(CultureInfo.InvariantCulture), Mdc.ReferenceId(code));
        }

        if (extraLoinc is not null)
        {
            WriteCoding(w, FhirSystems.Loinc, extraLoinc, "Oxygen saturation in Arterial blood by Pulse oximetry");
        }

        w.WriteEndArray();
        w.WriteString("text"u8, display);
        w.WriteEndObject();
    }

    private static void WriteCoding(Utf8JsonWriter w, string system, string code, string? display)
    {
        w.WriteStartObject();
        w.WriteString("system"u8, system);
        w.WriteString("code"u8, code);
        if (display is not null)
        {
            w.WriteString("display"u8, display);
        }

        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, double value, string unit)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "FHIR decimals are finite.");
        }

        w.WriteStartObject("valueQuantity"u8);
        w.WriteNumber("value"u8, value);
        w.WriteString("unit"u8, unit);
        w.WriteString("system"u8, FhirSystems.Ucum);
        w.WriteString("code"u8, unit);
        w.WriteEndObject();
    }
}
