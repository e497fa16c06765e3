using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CareStream.Host.Security;

/// <summary>
/// Every POST, PUT and PATCH gets <c>Security:MaxRequestBodyBytes</c> as its body limit, enforced by Kestrel while the
/// body is read (chunked bodies included). Outside <c>/fhir</c> a declared Content-Length above it is refused here with
/// a 413 ProblemDetails before anything is read. Under <c>/fhir</c> every body endpoint checks Content-Length itself
/// first and answers its own OperationOutcome (ingest 1 MiB, updates 1 MiB, <c>$lastn</c>, Subscription 64 KiB), so
/// clients keep its specific issue codes; the Kestrel limit is the backstop there.
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

        if (request.ContentLength > _limit && !request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase))
        {
            Log.BodyTooLarge(logger, request.ContentLength.Value, _limit);
            await RefuseAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // Under /fhir the endpoints refuse an oversize body themselves (413 OperationOutcome) without reading it;
            // Kestrel then drains the rest so the client receives that answer. A backstop equal to the limit would
            // reset the connection mid-upload instead, so it is four times the limit there.
            feature.MaxRequestBodySize = request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase) ? _limit * 4 : _limit;
        }

        await next();
    }

    private Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsJsonAsync(
            new { title = "Payload Too Large", status = 413, detail = $"The request body exceeds {_limit} bytes." },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
