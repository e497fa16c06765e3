using System.ComponentModel.DataAnnotations;

namespace CareStream.Auth.Audit;

/// <summary>The audit trail's writer (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// Events buffered between the requests and the batch writer. When it is full a request waits for room before it
    /// completes (back-pressure): an access is never answered without its audit event queued.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChannelCapacity { get; set; } = 10_000;

    /// <summary>Most events inserted in one statement (one transaction).</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Identifies this server in AuditEvent.source.observer; defaults to <c>carestream-{machine name}</c>.</summary>
    [MaxLength(128)]
    public string? ServerId { get; set; }

    /// <summary>Wait before retrying a batch the database refused (the batch is kept, never dropped).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
