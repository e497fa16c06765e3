using Hl7.Fhir.Model;

namespace CareStream.Ingestion.Http;

/// <summary>
/// One reason an ingest request (or one Bundle entry) was refused: a stable code (the parser's
/// <c>ObservationErrorCode</c> name or an HTTP-adapter code), a reason a person can read, and where it applies.
/// </summary>
internal sealed record IngestIssue(string Code, string Reason, string Expression, OperationOutcome.IssueType Type)
{
    /// <summary>Code system of <see cref="Code"/> in <c>OperationOutcome.issue.details</c>.</summary>
    public const string CodeSystem = Fhir.Terminology.FhirSystems.CareStreamBase + "/CodeSystem/ingest-error";

    public OperationOutcome.IssueComponent ToComponent() => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = Type,
        Details = new CodeableConcept(CodeSystem, Code),
        Diagnostics = $"{Code}: {Reason}",
        Expression = [Expression],
    };
}
