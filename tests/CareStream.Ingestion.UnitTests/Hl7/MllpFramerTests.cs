using System.IO.Pipelines;
using System.Text;
using CareStream.Ingestion.Hl7;

namespace CareStream.Ingestion.UnitTests.Hl7;

public sealed class MllpFramerTests
{
    private static byte[] Framed(string payload) => MllpFramer.Frame(Encoding.ASCII.GetBytes(payload));

    private static async Task<List<MllpFrame>> ReadAllAsync(IEnumerable<byte[]> chunks, int maxFrameBytes = 1024)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        foreach (var chunk in chunks)
        {
            await pipe.Writer.WriteAsync(chunk, TestContext.Current.CancellationToken);
        }

        await pipe.Writer.CompleteAsync();
        var framer = new MllpFramer(pipe.Reader, maxFrameBytes);
        var frames = new List<MllpFrame>();
        while (true)
        {
            var frame = await framer.ReadFrameAsync(TestContext.Current.CancellationToken);
            frames.Add(frame);
            if (frame.Kind == MllpFrameKind.EndOfStream)
            {
                return frames;
            }
        }
    }

    private static string Text(MllpFrame frame) => Encoding.ASCII.GetString(frame.Payload.Span);

    [Fact]
    public async Task GivenTwoFramesInOneRead_WhenRead_ThenBothArriveInOrder()
    {
        var frames = await ReadAllAsync([[.. Framed("MSH|one"), .. Framed("MSH|two")]]);

        Assert.Equal(["MSH|one", "MSH|two"], frames.Where(f => f.Kind == MllpFrameKind.Message).Select(Text));
        Assert.Equal(0, frames[^1].DiscardedBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task GivenFrameSplitAcrossReads_WhenRead_ThenItIsReassembled(int chunkSize)
    {
        var bytes = Framed("MSH|^~\\&|split\rPID|1").Concat(Framed("MSH|next")).ToArray();

        var frames = await ReadAllAsync(bytes.Chunk(chunkSize));

        Assert.Equal(["MSH|^~\\&|split\rPID|1", "MSH|next"], frames.Where(f => f.Kind == MllpFrameKind.Message).Select(Text));
    }

    [Fact]
    public async Task GivenGarbageBeforeStartByte_WhenRead_ThenSkippedAndCounted()
    {
        var frames = await ReadAllAsync([Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n"), Framed("MSH|ok")]);

        Assert.Equal(MllpFrameKind.Message, frames[0].Kind);
        Assert.Equal("MSH|ok", Text(frames[0]));
        Assert.Equal(16, frames[0].DiscardedBytes);
    }

    [Fact]
    public async Task GivenStartByteInsideAFrame_WhenRead_ThenPartialFrameIsAbandonedAndFramerResynchronises()
    {
        byte[] bytes = [MllpFramer.StartBlock, .. "MSH|lost"u8, .. Framed("MSH|kept")];

        var frames = await ReadAllAsync([bytes]);

        Assert.Equal("MSH|kept", Text(frames[0]));
        Assert.Equal(9, frames[0].DiscardedBytes);
    }

    [Fact]
    public async Task GivenOversizeFrame_WhenRead_ThenReportedWithoutPayloadAndNextFrameStillArrives()
    {
        var big = Framed(new string('x', 5000));

        var frames = await ReadAllAsync([.. big.Chunk(100), Framed("MSH|after")], maxFrameBytes: 1024);

        Assert.Equal(MllpFrameKind.Oversize, frames[0].Kind);
        Assert.True(frames[0].Payload.IsEmpty);
        Assert.True(frames[0].DiscardedBytes >= 5000);
        Assert.Equal("MSH|after", Text(frames[1]));
        Assert.Equal(MllpFrameKind.EndOfStream, frames[2].Kind);
    }

    [Fact]
    public async Task GivenOversizeFrameInOneRead_WhenRead_ThenReportedAsOversize()
    {
        var frames = await ReadAllAsync([[.. Framed(new string('y', 2000)), .. Framed("MSH|after")]], maxFrameBytes: 1024);

        Assert.Equal([MllpFrameKind.Oversize, MllpFrameKind.Message, MllpFrameKind.EndOfStream], frames.Select(f => f.Kind));
    }

    [Fact]
    public async Task GivenStreamEndsMidFrame_WhenRead_ThenEndOfStreamCountsTheDiscardedPartialFrame()
    {
        var frames = await ReadAllAsync([Framed("MSH|whole"), [MllpFramer.StartBlock, .. "MSH|cut"u8]]);

        Assert.Equal("MSH|whole", Text(frames[0]));
        Assert.Equal(MllpFrameKind.EndOfStream, frames[1].Kind);
        Assert.Equal(7, frames[1].DiscardedBytes);
    }

    [Fact]
    public async Task GivenEndBlockWithoutCarriageReturn_WhenRead_ThenFrameEndsAtTheEndBlock()
    {
        byte[] bytes = [MllpFramer.StartBlock, .. "MSH|lenient"u8, MllpFramer.EndBlock, .. Framed("MSH|strict")];

        var frames = await ReadAllAsync([bytes]);

        Assert.Equal(["MSH|lenient", "MSH|strict"], frames.Where(f => f.Kind == MllpFrameKind.Message).Select(Text));
        Assert.All(frames, f => Assert.Equal(0, f.DiscardedBytes));
    }

    [Fact]
    public async Task GivenEmptyStream_WhenRead_ThenEndOfStreamAtOnce()
    {
        var frames = await ReadAllAsync([]);

        Assert.Equal(MllpFrameKind.EndOfStream, Assert.Single(frames).Kind);
    }
}
