using CareStream.FhirApi.Scores;
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
                    Registry("Patient",
                    [
                        Param("identifier", SearchParamType.Token, "The MRN (" + Patients.PatientMapper.MrnSystem + "): system|value, value or system|; comma = OR."),
                        Param("name", SearchParamType.String, "Starts-with on any word of the family or given name; case- and accent-insensitive; comma = OR, repeats AND."),
                        Param("family", SearchParamType.String, "As name, on the family name."),
                        Param("given", SearchParamType.String, "As name, on the given name."),
                        Param("birthdate", SearchParamType.Date, "Prefixes eq ne gt lt ge le sa eb; partial dates; repeats AND."),
                        Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000; 0 = count only."),
                        Param("_summary", SearchParamType.Special, "count or false."),
                        Param("_total", SearchParamType.Special, "accurate counts Patients; none and estimate give no total."),
                    ]).WithNews2History(),
                    Registry("Location",
                    [
                        Param("partof", SearchParamType.Reference, "Location/ward-{id}: the beds of that ward."),
                        Param("name", SearchParamType.String, "Starts-with on any word of the ward name or bed label; case- and accent-insensitive."),
                        Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000."),
                    ]),
                    Registry("Device",
                    [
                        Param("identifier", SearchParamType.Token, "The device id (" + Devices.DeviceMapper.DeviceSystem + "): system|value or value."),
                        Param("location", SearchParamType.Reference, "Location/bed-{id}: devices at that bed now."),
                        Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000."),
                    ]),
                    new ResourceComponent
                    {
                        Type = "Observation",
                        ConditionalRead = ConditionalReadStatus.FullSupport, // If-None-Match and If-Modified-Since
                        Interaction =
                        [
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
            .. new[] { TypeRestfulInteraction.Vread, TypeRestfulInteraction.HistoryInstance, TypeRestfulInteraction.Update, TypeRestfulInteraction.Patch }.Select(c => new ResourceInteractionComponent { Code = c }),
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
                        Type = "AuditEvent",
                        Documentation = "The audit trail (IHE BALP), newest first; administrators with user/AuditEvent.rs only.",
                        Interaction = [new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType }],
                        SearchParam =
                        [
                            Param("date", SearchParamType.Date, "AuditEvent.recorded; prefixes eq gt lt ge le sa eb (not ne); repeats AND."),
                            Param("agent", SearchParamType.Token, "The user (sub) or client id that made the request."),
                            Param("patient", SearchParamType.Reference, "Patient/id or id: events about that patient."),
                            Param("entity", SearchParamType.Reference, "Same as patient (the patient entity)."),
                            Param("action", SearchParamType.Token, "C, R, U, D or E."),
                            Param("subtype", SearchParamType.Token, "A restful-interaction code (read, search-type …) or an operation name (acknowledge …)."),
                            Param("_count", SearchParamType.Number, "Page size, default 50, clamped at 1000."),
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

    private static ResourceComponent Registry(string type, List<CapabilityStatement.SearchParamComponent> parameters) => new()
    {
        Type = type,
        ConditionalRead = ConditionalReadStatus.FullSupport, // If-None-Match and If-Modified-Since
        Interaction =
        [
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
        ],
        SearchParam = parameters,
    };

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
