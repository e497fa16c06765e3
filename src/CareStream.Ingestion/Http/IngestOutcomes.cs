using Hl7.Fhir.Model;

namespace CareStream.Ingestion.Http;

/// <summary>The OperationOutcome bodies of the HTTP ingest adapter.</summary>
internal static class IngestOutcomes
{
    public static FhirResourceResult Errors(int statusCode, IEnumerable<IngestIssue> issues) =>
        new(Outcome(issues), statusCode);

    public static FhirResourceResult Error(int statusCode, IngestIssue issue) => Errors(statusCode, [issue]);

    public static OperationOutcome Outcome(IEnumerable<IngestIssue> issues) => new() { Issue = [.. issues.Select(i => i.ToComponent())] };

    /// <summary>The 202 body: the reading is durable on the ingress topic, not yet attributed or stored.</summary>
    public static OperationOutcome Accepted(string observationId, string device) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Diagnostics = $"Accepted: Observation/{observationId} from Device/{device} is durable on the ingress topic. "
                    + "It is attributed to the patient in the device's bed at its effective time and stored asynchronously; "
                    + "search for it with GET /fhir/Observation.",
            },
        ],
    };
}
