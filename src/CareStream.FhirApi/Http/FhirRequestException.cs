using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>A request the FHIR API refuses; <see cref="FhirExceptionHandler"/> turns it into an OperationOutcome.</summary>
public sealed class FhirRequestException : Exception
{
    public FhirRequestException()
        : this(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, "Bad request.")
    {
    }

    public FhirRequestException(string message)
        : this(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message)
    {
    }

    public FhirRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        IssueType = OperationOutcome.IssueType.Invalid;
    }

    public FhirRequestException(int statusCode, OperationOutcome.IssueType issueType, string message)
        : base(message)
    {
        StatusCode = statusCode;
        IssueType = issueType;
    }

    public int StatusCode { get; }

    public OperationOutcome.IssueType IssueType { get; }

    public static FhirRequestException InvalidParameter(string name, string reason) =>
        new(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, $"Search parameter '{name}': {reason}");

    public static FhirRequestException NotFound(string resourceType, string id) =>
        new(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{resourceType}/{id} is not known.");
}
