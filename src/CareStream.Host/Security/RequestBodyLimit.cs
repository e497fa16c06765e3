using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CareStream.Host.Security;

/// <summary>
/// Every POST, PUT and PATCH gets <c>Security:MaxRequestBodyBytes</c> as its body limit: a declared Content-Length
/// above it is refused with 413 before anything is read (an OperationOutcome under <c>/fhir</c>, a ProblemDetails
/// elsewhere); a chunked body is cut off by Kestrel at the same limit. Endpoints may lower it further (Subscription: 64 KiB).
/// </summary>
internal sealed class RequestBodyLimit(IOptions<SecurityOptions> options, ILogger<RequestBodyLimit> logger)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            await next();
            return;
        }

        if (request.ContentLength > _limit)
        {
            Log.BodyTooLarge(logger, request.ContentLength.Value, _limit);
            await RefuseAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        await next();
    }

    private Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var message = $"The request body exceeds {_limit} bytes.";
        return context.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase)
            ? context.Response.WriteAsJsonAsync(
                new { resourceType = "OperationOutcome", issue = new[] { new { severity = "error", code = "too-long", diagnostics = message } } },
                (System.Text.Json.JsonSerializerOptions?)null, "application/fhir+json", context.RequestAborted)
            : context.Response.WriteAsJsonAsync(
                new { title = "Payload Too Large", status = 413, detail = message },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
