using System.Buffers;
using System.IO.Pipelines;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// MLLP (HL7 v2 Minimal Lower Layer Protocol, HL7 Transport Specification R2): frames are <c>0x0B</c> payload
/// <c>0x1C 0x0D</c>. Reads frames from a <see cref="PipeReader"/> across partial reads; skips garbage before a start
/// byte; when a start byte appears inside a frame, abandons the partial frame and resynchronises on the new one;
/// discards oversize frames without buffering them. A lone <c>0x1C</c> also ends a frame (a following <c>0x0D</c> is
/// swallowed), which tolerates senders that omit the final CR.
/// </summary>
public sealed class MllpFramer(PipeReader reader, int maxFrameBytes)
{
    /// <summary>Start block (VT).</summary>
    public const byte StartBlock = 0x0B;

    /// <summary>End block (FS).</summary>
    public const byte EndBlock = 0x1C;

    /// <summary>Carriage return that follows the end block.</summary>
    public const byte CarriageReturn = 0x0D;

    private enum State
    {
        Hunting,
        InFrame,
        Skipping,
    }

    private State _state;
    private long _scanned;
    private long _discarded;
    private bool _swallowCr;

    /// <summary>Wraps <paramref name="payload"/> in an MLLP envelope.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var framed = new byte[payload.Length + 3];
        framed[0] = StartBlock;
        payload.CopyTo(framed.AsSpan(1));
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }

    /// <summary>Reads until a frame is complete, an oversize frame was skipped, or the stream ended.</summary>
    public async ValueTask<MllpFrame> ReadFrameAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (TryExtract(ref buffer, out var frame))
            {
                reader.AdvanceTo(buffer.Start);
                return frame;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                var discarded = _discarded + buffer.Length;
                _discarded = 0;
                _state = State.Hunting;
                return new MllpFrame(MllpFrameKind.EndOfStream, ReadOnlyMemory<byte>.Empty, discarded);
            }
        }
    }

    private bool TryExtract(ref ReadOnlySequence<byte> buffer, out MllpFrame frame)
    {
        frame = default;
        while (true)
        {
            if (_swallowCr && !buffer.IsEmpty)
            {
                _swallowCr = false;
                if (buffer.FirstSpan[0] == CarriageReturn)
                {
                    buffer = buffer.Slice(1);
                }
            }

            switch (_state)
            {
                case State.Hunting:
                    var start = buffer.PositionOf(StartBlock);
                    if (start is null)
                    {
                        _discarded += buffer.Length;
                        buffer = buffer.Slice(buffer.End);
                        return false;
                    }

                    _discarded += buffer.Slice(0, start.Value).Length;
                    buffer = buffer.Slice(buffer.GetPosition(1, start.Value));
                    _state = State.InFrame;
                    _scanned = 0;
                    continue;

                case State.InFrame:
                    var (offset, marker) = IndexOfMarker(buffer.Slice(_scanned));
                    if (offset < 0)
                    {
                        _scanned = buffer.Length;
                        if (buffer.Length > maxFrameBytes)
                        {
                            _discarded += buffer.Length;
                            buffer = buffer.Slice(buffer.End);
                            _state = State.Skipping;
                        }

                        return false;
                    }

                    offset += _scanned;
                    if (marker == StartBlock)
                    {
                        _discarded += offset + 1; // the abandoned start byte and partial frame
                        buffer = buffer.Slice(offset + 1);
                        _scanned = 0;
                        continue;
                    }

                    frame = offset > maxFrameBytes
                        ? new MllpFrame(MllpFrameKind.Oversize, ReadOnlyMemory<byte>.Empty, _discarded + offset)
                        : new MllpFrame(MllpFrameKind.Message, buffer.Slice(0, offset).ToArray(), _discarded);
                    return Complete(ref buffer, offset + 1);

                default:
                    var (skip, found) = IndexOfMarker(buffer);
                    if (skip < 0)
                    {
                        _discarded += buffer.Length;
                        buffer = buffer.Slice(buffer.End);
                        return false;
                    }

                    frame = new MllpFrame(MllpFrameKind.Oversize, ReadOnlyMemory<byte>.Empty, _discarded + skip);
                    // A new start byte ends the oversize frame but belongs to the next frame: leave it unconsumed.
                    return Complete(ref buffer, found == StartBlock ? skip : skip + 1);
            }
        }
    }

    private bool Complete(ref ReadOnlySequence<byte> buffer, long consumed)
    {
        var endedByEndBlock = consumed > 0 && buffer.Slice(consumed - 1, 1).FirstSpan[0] == EndBlock;
        buffer = buffer.Slice(consumed);
        _swallowCr = endedByEndBlock;
        if (_swallowCr && !buffer.IsEmpty && buffer.FirstSpan[0] == CarriageReturn)
        {
            buffer = buffer.Slice(1);
            _swallowCr = false;
        }

        _state = State.Hunting;
        _discarded = 0;
        _scanned = 0;
        return true;
    }

    private static (long Offset, byte Marker) IndexOfMarker(ReadOnlySequence<byte> sequence)
    {
        long offset = 0;
        foreach (var segment in sequence)
        {
            var index = segment.Span.IndexOfAny(StartBlock, EndBlock);
            if (index >= 0)
            {
                return (offset + index, segment.Span[index]);
            }

            offset += segment.Length;
        }

        return (-1, 0);
    }
}
