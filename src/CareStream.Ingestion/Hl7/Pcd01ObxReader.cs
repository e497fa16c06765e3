using System.Buffers;
using System.Globalization;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// Reads one PCD-01 OBX: MDC code (OBX-3), containment (OBX-4), NM value (OBX-2/5), MDC unit (OBX-6), status (OBX-11),
/// time (OBX-14, else OBR-7) and device (OBX-18 EUI-64, else the nearest containing OBX that named one).
/// </summary>
internal sealed class Pcd01ObxReader
{
    private const string Eui64 = "EUI-64";
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");
    private readonly Dictionary<string, DeviceId> _devicesByContainment = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="obx"/>; returns null with no error for structural rows (MDS/VMD/CHAN, BP compound).</summary>
    public Pcd01Numeric? Read(Hl7Segment obx, int sequence, Hl7Segment? obr, List<Hl7Error> errors)
    {
        var containment = obx.Get(4);
        var device = ReadDevice(obx, containment);
        var value = obx.Get(5);
        if (value.Length == 0 && obx[5].IsEmpty)
        {
            return null; // a containment-tree row without a value (MDS, VMD, channel, or a BP compound): nothing to publish
        }

        Hl7Error Error(int field, int code, string app, string text) => new("OBX", sequence, field, code, app, text);
        if (obx.Get(2) != "NM")
        {
            errors.Add(Error(2, Hl7ErrorCodes.DataTypeError, "UnsupportedValueType", "Only NM (numeric) observations are accepted."));
            return null;
        }

        if (!int.TryParse(obx.Get(3), NumberStyles.None, CultureInfo.InvariantCulture, out var mdc)
            || obx.Get(3, 3) is not ("MDC" or "")
            || !VitalSignCatalog.TryGetKind(FhirSystems.Mdc, mdc.ToString(CultureInfo.InvariantCulture), out var kind))
        {
            errors.Add(Error(3, Hl7ErrorCodes.TableValueNotFound, "UnknownMdcCode",
                "OBX-3 is not an MDC code of a vital sign CareStream accepts."));
            return null;
        }

        if (!TryReadStatus(obx.Get(11), out var status, out var statusError))
        {
            errors.Add(Error(11, statusError.Code, statusError.App, statusError.Text));
            return null;
        }

        if (!double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
                | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(Error(5, Hl7ErrorCodes.DataTypeError, "InvalidNumber", "OBX-5 is not an NM number."));
            return null;
        }

        var ucum = int.TryParse(obx.Get(6), NumberStyles.None, CultureInfo.InvariantCulture, out var unit) ? MdcUnits.ToUcum(unit) : null;
        if (ucum is null)
        {
            var missing = obx[6].IsEmpty;
            errors.Add(Error(6, missing ? Hl7ErrorCodes.RequiredFieldMissing : Hl7ErrorCodes.TableValueNotFound,
                missing ? "MissingUnit" : "UnknownMdcUnit", missing ? "OBX-6 (MDC unit) is missing." : "OBX-6 is not an MDC unit CareStream knows."));
            return null;
        }

        if (!UnitConversion.TryToCanonical(kind, ucum, number, out var canonical, out var unitReason))
        {
            errors.Add(Error(6, Hl7ErrorCodes.TableValueNotFound, "UnitNotAccepted", unitReason));
            return null;
        }

        var time = obx.Get(14).Length > 0 ? obx.Get(14) : obr?.Get(7) ?? string.Empty;
        if (!Hl7Timestamp.TryParse(time, out var effectiveAt, out var timeReason))
        {
            errors.Add(Error(14, time.Length == 0 ? Hl7ErrorCodes.RequiredFieldMissing : Hl7ErrorCodes.DataTypeError,
                time.Length == 0 ? "MissingTime" : "InvalidTime", $"OBX-14/OBR-7: {timeReason}"));
            return null;
        }

        if (device is null)
        {
            errors.Add(Error(18, Hl7ErrorCodes.RequiredFieldMissing, "MissingDevice",
                "No EUI-64 device identifier in OBX-18 or in a containing OBX."));
            return null;
        }

        return new Pcd01Numeric(sequence, containment, device.Value, effectiveAt, status, kind, mdc, canonical);
    }

    private DeviceId? ReadDevice(Hl7Segment obx, string containment)
    {
        var field = obx[18];
        for (var r = 1; r <= field.RepetitionCount; r++)
        {
            if (field.Get(4, r) != Eui64)
            {
                continue;
            }

            var id = field.Get(3, r).Length > 0 ? field.Get(3, r) : field.Get(1, r);
            if (id.Length == 16 && !id.AsSpan().ContainsAnyExcept(HexDigits))
            {
                var device = new DeviceId(id.ToUpperInvariant());
                if (containment.Length > 0)
                {
                    _devicesByContainment[containment] = device;
                }

                return device;
            }
        }

        // No identifier here: inherit from the nearest containing row (e.g. the MDS row 1.0.0.0 names the device).
        for (var prefix = containment; prefix.Length > 0; prefix = Parent(prefix))
        {
            if (_devicesByContainment.TryGetValue(prefix, out var inherited) || _devicesByContainment.TryGetValue(AsMds(prefix), out inherited))
            {
                return inherited;
            }
        }

        return null;
    }

    internal static string Parent(string containment)
    {
        var dot = containment.LastIndexOf('.');
        return dot < 0 ? string.Empty : containment[..dot];
    }

    // PCD-01 writes the MDS row as "1.0.0.0": the prefix "1" of "1.1.1.1" must find it.
    private static string AsMds(string prefix) => prefix.Contains('.', StringComparison.Ordinal) ? prefix : prefix + ".0.0.0";

    private static bool TryReadStatus(string code, out ObservationStatus status, out (int Code, string App, string Text) error)
    {
        // HL7 table 0085. R (not verified), P and S are preliminary; F and U final; C a correction; W "wrong":
        // entered-in-error. X (cannot be obtained), D, I, N, O carry no usable result.
        status = code switch
        {
            "R" or "P" or "S" => ObservationStatus.Preliminary,
            "F" or "U" => ObservationStatus.Final,
            "C" => ObservationStatus.Amended,
            "W" => ObservationStatus.EnteredInError,
            _ => default,
        };
        error = code.Length == 0
            ? (Hl7ErrorCodes.RequiredFieldMissing, "MissingStatus", "OBX-11 (result status) is missing.")
            : (Hl7ErrorCodes.TableValueNotFound, "StatusNotAccepted", "OBX-11 status is not R, P, S, F, U, C or W; no usable result.");
        return status != default;
    }
}
