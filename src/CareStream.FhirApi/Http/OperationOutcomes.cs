using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Http;

/// <summary>Builds the OperationOutcome bodies every <c>/fhir</c> error carries instead of ProblemDetails.</summary>
public static class OperationOutcomes
{
    public static OperationOutcome Error(OperationOutcome.IssueType type, string diagnostics) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = diagnostics,
            },
        ],
    };

    public static FhirResult Result(int statusCode, OperationOutcome.IssueType type, string diagnostics) =>
        new(Error(type, diagnostics), statusCode);
}
