using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Fhir.Terminology;
using CareStream.Storage.Scores;
using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Scores;

/// <summary>
/// A stored NEWS2 outcome as an R4 Observation: code SNOMED CT 1104051000000101 (RCP NEWS2 total score) with LOINC
/// 88330-6 as a second coding, category survey, effective = computedAt, <c>valueInteger</c> = the aggregate. An
/// incomplete score has no value: <c>dataAbsentReason</c> and a note naming the missing parameters (never a zero).
/// The response level (RCP Chart 3) is the interpretation, the SpO₂ scale an extension.
/// </summary>
public static class News2ObservationMapper
{
    public const string SnomedTotalScore = "1104051000000101";

    public const string LoincTotalScore = "88330-6";

    /// <summary>Code system of the response levels <c>low</c>, <c>low-medium</c>, <c>medium</c>, <c>high</c>.</summary>
    public const string ResponseLevelSystem = FhirSystems.CareStreamBase + "/CodeSystem/news2-response-level";

    /// <summary>Extension (valueInteger 1 or 2): the SpO₂ scale the score used.</summary>
    public const string Spo2ScaleExtension = FhirSystems.CareStreamBase + "/StructureDefinition/news2-spo2-scale";

    private const string Snomed = "http://snomed.info/sct";
    private const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    private static readonly Dictionary<string, string> LevelDisplays = new(StringComparer.Ordinal)
    {
        ["low"] = "Low (0–4): ward-based response",
        ["low-medium"] = "Low–medium (3 in one parameter): urgent ward-based response",
        ["medium"] = "Medium (5–6): urgent response",
        ["high"] = "High (7 or more): emergency response",
    };

    public static Observation ToFhir(News2ScoreRecord score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(FhirSystems.ObservationCategory, "survey", "Survey", null)],
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding(Snomed, SnomedTotalScore, "Royal College of Physicians National Early Warning Score 2 total score"),
                    new Coding(FhirSystems.Loinc, LoincTotalScore),
                ],
                Text = "NEWS2 total score",
            },
            Subject = new ResourceReference("Patient/" + score.Patient),
            Effective = new FhirDateTime(score.ComputedAt.ToUniversalTime()),
            Extension = [new Extension(Spo2ScaleExtension, new Integer(score.Scale))],
        };
        if (score is { IsComplete: true, Score: { } total })
        {
            observation.Value = new Integer(total);
        }
        else
        {
            observation.DataAbsentReason = new CodeableConcept(DataAbsentReasonSystem, "unknown", "Unknown", "incomplete");
            observation.Note = [new Annotation
            {
                Text = new Markdown("Incomplete NEWS2: no value for " + string.Join(", ", score.Missing) + "."),
            }];
        }

        if (score.ResponseLevel is { } level)
        {
            observation.Interpretation =
                [new CodeableConcept(ResponseLevelSystem, level, LevelDisplays.GetValueOrDefault(level, level), null)];
        }

        return observation;
    }

    /// <summary>A stable <c>urn:uuid</c> for the outcome (patient + computedAt): these Observations have no read endpoint.</summary>
    public static string FullUrl(News2ScoreRecord score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var key = score.Patient + "|" + score.ComputedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // name-based UUID layout (version 5 bits, RFC 4122 variant)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
