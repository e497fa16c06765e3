namespace CareStream.Messaging.Consuming;

/// <summary>
/// What a batch handler reports: every message not rejected was handled (its effect is durable).
/// Rejected messages are dead-lettered before the batch's offsets are stored.
/// </summary>
public sealed class BatchOutcome
{
    /// <summary>The whole batch was handled.</summary>
    public static readonly BatchOutcome Success = new([]);

    /// <summary>Creates an outcome with the given rejections.</summary>
    public BatchOutcome(IReadOnlyList<MessageRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        Rejections = rejections;
    }

    /// <summary>Messages to dead-letter.</summary>
    public IReadOnlyList<MessageRejection> Rejections { get; }

    /// <summary>An outcome with these rejections.</summary>
    public static BatchOutcome WithRejections(params MessageRejection[] rejections) => new(rejections);
}
