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
            var (loinc, mdc) = ReadCode(component, path + ".code");
            var definition = VitalSignCatalog.Resolve(loinc, mdc);
            if (definition is null || !definition.IsBloodPressureComponent)
            {
                // Catches the iomt-fhir pitfall too: a diastolic coded 8867-4 (heart rate) is not a BP component.
                throw Fail(ObservationErrorCode.InvalidComponents,
                    $"{path}: LOINC {loinc} + MDC {mdc} is not a systolic (8480-6), diastolic (8462-4) or mean (8478-0) pressure.");
            }

            if (Mdc.BloodPressurePanelOf(mdc) != panelMdc)
            {
                throw Fail(ObservationErrorCode.InvalidComponents,
                    $"{path}: MDC {mdc} does not belong to the panel's MDC {panelMdc} (NIBP and arterial values are not mixed).");
            }

            if (result.Exists(r => r.Item1.Kind == definition.Kind))
            {
                throw Fail(ObservationErrorCode.InvalidComponents, $"{path}: {definition.Display} appears twice.");
            }

            var (canonical, unit, sent) = ReadQuantity(component, definition, path + ".valueQuantity");
            result.Add((definition, mdc, canonical, unit, sent));
        }

        if (!result.Exists(r => r.Item1.Kind == VitalSignKind.SystolicBloodPressure)
            || !result.Exists(r => r.Item1.Kind == VitalSignKind.DiastolicBloodPressure))
        {
            throw Fail(ObservationErrorCode.InvalidComponents,
                "A blood-pressure panel needs a systolic (8480-6) and a diastolic (8462-4) component.");
        }

        return result;
    }
}
