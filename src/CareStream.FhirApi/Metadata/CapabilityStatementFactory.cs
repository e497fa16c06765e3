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
                        Interaction = [new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType }],
                        SearchParam =
                        [
                            Param("patient", SearchParamType.Reference, "The patient; required."),
                            Param("subject", SearchParamType.Reference, "Same as patient."),
                            Param("code", SearchParamType.Token, "LOINC or MDC code, system|code or code."),
                            Param("_count", SearchParamType.Number, "Page size, default 50, at most 1000."),
                        ],
                    },
                ],
            },
        ],
    };

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
