using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.Ingestion.Http;

/// <summary>Maps the ingress parser's rejections to OperationOutcome issues and HTTP statuses.</summary>
internal static class IngestIssues
{
    public static IngestIssue From(DeviceObservationRejection rejection, string expression) =>
        new(rejection.Code.ToString(), rejection.Reason,
            rejection.Code == ObservationErrorCode.UnsafeNarrative ? expression + ".text.div" : expression, TypeOf(rejection.Code));

    /// <summary>Status for a whole-message rejection: 400 for unparseable JSON, 413 for size, 422 for the rest.</summary>
    public static int StatusOf(ObservationErrorCode code) => code switch
    {
        ObservationErrorCode.MalformedJson => StatusCodes.Status400BadRequest,
        ObservationErrorCode.MessageTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static OperationOutcome.IssueType TypeOf(ObservationErrorCode code) => code switch
    {
        ObservationErrorCode.MalformedJson => OperationOutcome.IssueType.Structure,
        ObservationErrorCode.MessageTooLarge => OperationOutcome.IssueType.TooLong,
        ObservationErrorCode.UnsupportedResourceType or ObservationErrorCode.UnsupportedBundleType => OperationOutcome.IssueType.NotSupported,
        ObservationErrorCode.UnknownCode or ObservationErrorCode.InvalidUnit or ObservationErrorCode.CodingOrder => OperationOutcome.IssueType.CodeInvalid,
        ObservationErrorCode.ImplausibleValue => OperationOutcome.IssueType.Value,
        ObservationErrorCode.UnsafeNarrative => OperationOutcome.IssueType.Security,
        ObservationErrorCode.MissingCategory or ObservationErrorCode.MissingDevice or ObservationErrorCode.MissingEffective
            or ObservationErrorCode.MissingValue => OperationOutcome.IssueType.Required,
        _ => OperationOutcome.IssueType.Invalid,
    };
}
