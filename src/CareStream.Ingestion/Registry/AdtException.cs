using Microsoft.AspNetCore.Http;

namespace CareStream.Ingestion.Registry;

/// <summary>An ADT command that cannot be applied to the registry's present state (answered as ProblemDetails).</summary>
public sealed class AdtException : Exception
{
    public AdtException()
    {
    }

    public AdtException(string message)
        : base(message)
    {
    }

    public AdtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AdtException(int statusCode, string title, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Title = title;
    }

    public int StatusCode { get; } = StatusCodes.Status409Conflict;

    public string Title { get; } = "The registry does not allow this change.";
}
