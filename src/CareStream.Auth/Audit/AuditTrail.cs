using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.Audit;

/// <summary>
/// The queue between audited requests and <see cref="AuditBatchWriter"/>: a bounded channel, so the hot path only
/// enqueues. Nothing is dropped: a full channel makes <see cref="RecordAsync"/> wait, and once the writer has shut
/// down (host stopping) an event is written straight to the store instead.
/// </summary>
public sealed class AuditTrail
{
    private readonly Channel<AuditAccess> _channel;
    private readonly AuditEventStore _store;

    public AuditTrail(IOptions<AuditOptions> options, AuditEventStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        ServerId = options.Value.ServerId ?? "carestream-" + Environment.MachineName.ToLowerInvariant();
        _channel = Channel.CreateBounded<AuditAccess>(new BoundedChannelOptions(options.Value.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>This server's id for <see cref="AuditAccess.ServerId"/>.</summary>
    public string ServerId { get; }

    internal ChannelReader<AuditAccess> Reader => _channel.Reader;

    /// <summary>Events queued and not yet taken by the writer.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues <paramref name="access"/>; waits while the channel is full (never drops).</summary>
    public async ValueTask RecordAsync(AuditAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (_channel.Writer.TryWrite(access))
        {
            return;
        }

        try
        {
            await _channel.Writer.WriteAsync(access, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The writer has drained and stopped (shutdown): store this late event directly.
            await _store.AppendAsync(access, cancellationToken);
        }
    }

    /// <summary>No more events through the channel; the writer drains what is queued and stops.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
