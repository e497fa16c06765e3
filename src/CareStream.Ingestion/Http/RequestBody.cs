using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CareStream.Ingestion.Http;

/// <summary>
/// Reads an ingest request body: JSON media types only (XML is never parsed: B2) and at most
/// <see cref="MaxBytes"/> (B1), refused from Content-Length before reading when it is known.
/// </summary>
internal static class RequestBody
{
    /// <summary>1 MiB, the ingress parser's message limit.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] AcceptedMediaTypes = ["application/fhir+json", "application/json"];

    /// <summary>The body, or the OperationOutcome result (415, 413) to answer instead.</summary>
    public static async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, string expression, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !AcceptedMediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return (null, IngestOutcomes.Error(StatusCodes.Status415UnsupportedMediaType, new IngestIssue(
                "UnsupportedMediaType", "Send application/fhir+json (or application/json); XML and other formats are not accepted.",
                expression, OperationOutcome.IssueType.NotSupported)));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(expression));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (null, TooLarge(expression));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(expression));
        }

        return (buffer.ToArray(), null);
    }

    private static FhirResourceResult TooLarge(string expression) =>
        IngestOutcomes.Error(StatusCodes.Status413PayloadTooLarge, new IngestIssue(
            "MessageTooLarge", $"The body exceeds {MaxBytes} bytes; split it into several requests.", expression, OperationOutcome.IssueType.TooLong));
}
