using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace CareStream.FhirApi.Metadata;

/// <summary>The CapabilityStatement: exactly what this server answers, no more.</summary>
public static class CapabilityStatementFactory
{
    public static CapabilityStatement Create(string version, DateTimeOffset builtAt) => new()
    {
        Status = PublicationStatus.Active,
        Date = builtAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "CareStream", Version = version },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Resource =
                [
                    Subscriptions.SubscriptionCapability.Resource,
                    new ResourceComponent
                    {
                        Type = "Patient",
                        Interaction =
                        [
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
                        ],
                    },
                    new ResourceComponent
                    {
                        Type = "Observation",
                        Interaction =
                        [
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
                        ],
                        SearchParam =
                        [
                            Param("patient", SearchParamType.Reference, "Patient/id or id; patient or subject is required."),
                            Param("subject", SearchParamType.Reference, "Same as patient."),
                            Param("code", SearchParamType.Token, "LOINC or MDC coding of Observation.code: system|code, code or system|; comma = OR."),
                            Param("category", SearchParamType.Token, "Only vital-signs is stored; any other category matches nothing."),
                            Param("date", SearchParamType.Date, "effectiveDateTime; prefixes eq ne gt lt ge le sa eb; partial dates; no time zone = UTC; repeats AND."),
                            Param("status", SearchParamType.Token, "preliminary, final, amended, entered-in-error; comma = OR."),
                            Param("device", SearchParamType.Reference, "Device/id or id."),
                            Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000; 0 = count only."),
                            Param("_sort", SearchParamType.Special, "date or -date (default -date)."),
                            Param("_summary", SearchParamType.Special, "count or false."),
                            Param("_total", SearchParamType.Special, "accurate counts Observations; none and estimate give no total."),
                        ],
                        Operation =
                        [
                            new OperationComponent { Name = "lastn", Definition = "http://hl7.org/fhir/OperationDefinition/Observation-lastn" },
                            new OperationComponent { Name = "trend", Definition = Observations.TrendOperation.Definition },
                        ],
                    },
                    new ResourceComponent
                    {
                        Type = "Flag",
                        Documentation = "Alarm episodes (IEC 60601-1-8), one Flag each, id = episode id; mapping in docs/alarms-fhir-mapping.md.",
                        Interaction =
                        [
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
                        ],
                        SearchParam =
                        [
                            Param("patient", SearchParamType.Reference, "Patient/id or id; optional."),
                            Param("subject", SearchParamType.Reference, "Same as patient."),
                            Param("status", SearchParamType.Token, "active (not resolved) or inactive (resolved); comma = OR."),
                            Param("date", SearchParamType.Date, "Flag.period overlaps the range; prefixes eq gt lt ge le sa eb (not ne); repeats AND."),
                            Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000."),
                            Param("_sort", SearchParamType.Special, "date or -date (default -date), by period start."),
                        ],
                    },
                ],
            },
        ],
    };

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
