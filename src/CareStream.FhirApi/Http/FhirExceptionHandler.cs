using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareStream.FhirApi.Http;

/// <summary>
/// On <c>/fhir/*</c> every error is an OperationOutcome (fhir-server's OperationOutcomeExceptionFilter).
/// Other paths fall through to ProblemDetails.
/// </summary>
public sealed partial class FhirExceptionHandler(ILogger<FhirExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments(FhirApiExtensions.BasePath))
        {
            return false;
        }

        var (status, type, diagnostics) = exception switch
        {
            FhirRequestException e => (e.StatusCode, e.IssueType, e.Message),
            BadHttpRequestException e => (e.StatusCode, OperationOutcome.IssueType.Invalid, e.Message),
            OperationCanceledException => (499, OperationOutcome.IssueType.Timeout, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                "An internal error occurred; it has been logged with the request's trace id."),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
        }

        await OperationOutcomes.Result(status, type, diagnostics).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled error on FHIR request {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}
