using System.Text.Json;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Ingress;

/// <summary>Blood-pressure panel components.</summary>
internal sealed partial class ObservationElementReader
{
    private static List<(VitalSignDefinition Definition, int Mdc, double Value, string Unit, double Sent)> ReadComponents(
        JsonElement observation, int panelMdc)
    {
        if (!observation.TryGetProperty("component", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            throw Fail(ObservationErrorCode.InvalidComponents, "A blood-pressure panel needs systolic and diastolic components.");
        }

        var result = new List<(VitalSignDefinition, int, double, string, double)>(3);
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var path = $"Observation.component[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw Fail(ObservationErrorCode.MalformedJson, $"{path} is not an object.");
            }

            EnsureOnly(component, ComponentElements, path);
            var definition = ReadComponentCode(component, path);
            if (result.Exists(r => r.Item1.Kind == definition.Kind))
            {
                throw Fail(ObservationErrorCode.InvalidComponents, $"{path}: {definition.Display} appears twice.");
            }

            var (canonical, unit, sent) = ReadQuantity(component, definition, path + ".valueQuantity");
            result.Add((definition, Mdc.BloodPressureComponentOf(panelMdc, definition.Kind), canonical, unit, sent));
        }

        if (!result.Exists(r => r.Item1.Kind == VitalSignKind.SystolicBloodPressure)
            || !result.Exists(r => r.Item1.Kind == VitalSignKind.DiastolicBloodPressure))
        {
            throw Fail(ObservationErrorCode.InvalidComponents,
                "A blood-pressure panel needs a systolic (8480-6) and a diastolic (8462-4) component.");
        }

        return result;
    }

    // A component is coded with exactly one LOINC coding. The panel's MDC coding tells NIBP from arterial, and the
    // Firely validator cannot match dual-coded components to the R4 bp slices (its discriminator sees two codes).
    private static VitalSignDefinition ReadComponentCode(JsonElement component, string path)
    {
        if (!component.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Object
            || !code.TryGetProperty("coding", out var codings) || codings.ValueKind != JsonValueKind.Array
            || codings.GetArrayLength() != 1 || codings[0].ValueKind != JsonValueKind.Object)
        {
            throw Fail(ObservationErrorCode.InvalidComponents,
                $"{path}.code must carry exactly one coding, the LOINC code (the panel's MDC coding tells NIBP from arterial).");
        }

        var coding = codings[0];
        EnsureOnly(coding, CodingElements, path + ".code.coding[0]");
        var loinc = StringOf(coding, "system") == FhirSystems.Loinc ? StringOf(coding, "code") : null;
        var definition = loinc is null ? null : VitalSignCatalog.ByLoincCode(loinc);

        // Catches the iomt-fhir pitfall too: a diastolic coded 8867-4 (heart rate) is not a BP component.
        return definition is { IsBloodPressureComponent: true }
            ? definition
            : throw Fail(ObservationErrorCode.InvalidComponents,
                $"{path}: '{loinc ?? "no LOINC code"}' is not systolic (8480-6), diastolic (8462-4) or mean (8478-0) pressure.");
    }
}
