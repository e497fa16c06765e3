namespace CareStream.Fhir.Terminology;

/// <summary>Code system and identifier system URIs. Never emit a non-URI system (OpenICE's "OpenICE" system was the counter-example).</summary>
public static class FhirSystems
{
    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>IEEE 11073-10101 nomenclature (MDC), as the HL7 Point-of-Care Device IG names it.</summary>
    public const string Mdc = "urn:iso:std:iso:11073:10101";

    /// <summary>FHIR observation category code system.</summary>
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>The category code every vital-sign Observation carries.</summary>
    public const string VitalSignsCategory = "vital-signs";

    /// <summary>The canonical base URL of everything CareStream defines (profiles, identifier systems).</summary>
    public const string CareStreamBase = "https://carestream.dev/fhir";

    /// <summary>Identifier system of the deterministic Observation business identifier.</summary>
    public const string ObservationIdentifier = CareStreamBase + "/sid/observation";
}
