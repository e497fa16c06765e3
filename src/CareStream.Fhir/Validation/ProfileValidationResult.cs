using Hl7.Fhir.Model;

namespace CareStream.Fhir.Validation;

/// <summary>The Firely validator's verdict on one Observation.</summary>
/// <param name="Profile">The profile validated against.</param>
/// <param name="Outcome">All issues the validator reported.</param>
public sealed record ProfileValidationResult(string Profile, OperationOutcome Outcome)
{
    /// <summary>True when no issue is an error or fatal.</summary>
    public bool IsValid => !Errors.Any();

    /// <summary>Error and fatal issues.</summary>
    public IEnumerable<OperationOutcome.IssueComponent> Errors => Outcome.Issue.Where(i =>
        i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);

    /// <summary>The error texts, one per line (for assertions and OperationOutcome-free logs of codes; no values of patients).</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(i => i.Details?.Text ?? i.Diagnostics));
}
