namespace CareStream.Fhir.Canonical;

/// <summary>A FHIR JSON payload that CareStream cannot read; <see cref="Code"/> says why, the message says it for people.</summary>
public sealed class FhirFormatException : Exception
{
    public FhirFormatException(ObservationErrorCode code, string reason)
        : base(reason) => Code = code;

    public FhirFormatException(ObservationErrorCode code, string reason, Exception innerException)
        : base(reason, innerException) => Code = code;

    public FhirFormatException()
        : this(ObservationErrorCode.MalformedJson, "Malformed FHIR JSON.")
    {
    }

    public FhirFormatException(string message)
        : this(ObservationErrorCode.MalformedJson, message)
    {
    }

    public FhirFormatException(string message, Exception innerException)
        : this(ObservationErrorCode.MalformedJson, message, innerException)
    {
    }

    /// <summary>The error class.</summary>
    public ObservationErrorCode Code { get; }
}
