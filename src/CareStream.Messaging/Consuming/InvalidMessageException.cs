namespace CareStream.Messaging.Consuming;

/// <summary>
/// Thrown by a single-message handler for a message that no retry can fix (malformed, invalid FHIR, unknown
/// code). <see cref="KafkaMessageConsumerService"/> dead-letters the message with <see cref="ErrorCode"/> and
/// <see cref="Exception.Message"/> as reason. The message text must not contain patient data.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidMessageException(string errorCode, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception with code <c>invalid-message</c>.</summary>
    public InvalidMessageException() : this("invalid-message", "The message is invalid.")
    {
    }

    /// <summary>Creates the exception with code <c>invalid-message</c>.</summary>
    public InvalidMessageException(string reason) : this("invalid-message", reason)
    {
    }

    /// <summary>Creates the exception with code <c>invalid-message</c>.</summary>
    public InvalidMessageException(string reason, Exception innerException) : this("invalid-message", reason, innerException)
    {
    }

    /// <summary>Stable machine-readable code written to the <c>carestream-error-code</c> header.</summary>
    public string ErrorCode { get; }
}
