using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// The IHE PCD-01 MLLP endpoint: accepts TCP connections from device gateways and answers every frame with an ACK
/// after its readings are durable (<see cref="Pcd01MessageHandler"/>). A failing connection is closed on its own;
/// the accept loop keeps running. Binds in <see cref="StartAsync"/>, so a port in use stops the host at start.
/// </summary>
public sealed class MllpListener(Pcd01MessageHandler handler, IOptions<MllpOptions> options, ILogger<MllpListener> logger) : BackgroundService
{
    private TcpListener? _listener;
    private SemaphoreSlim? _slots;
    private MllpClientAllowList? _allowList;
    private long _connections;

    /// <summary>The bound endpoint (the real port when <see cref="MllpOptions.Port"/> is 0); null before start or when disabled.</summary>
    public IPEndPoint? LocalEndpoint => _listener?.LocalEndpoint as IPEndPoint;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.ListenerDisabled(logger);
            return Task.CompletedTask;
        }

        _slots = new SemaphoreSlim(settings.MaxConnections, settings.MaxConnections);
        _allowList = new MllpClientAllowList(settings.AllowedClients);
        _listener = new TcpListener(IPAddress.Parse(settings.BindAddress), settings.Port);
        _listener.Start();
        Log.ListenerStarted(logger, _listener.LocalEndpoint.ToString() ?? string.Empty);
        Log.ClientsAllowed(logger, _allowList.ToString());
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Stop();
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _listener?.Dispose();
        _slots?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null || _slots is null || _allowList is null)
        {
            return;
        }

        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                Log.AcceptFailed(logger, ex);
                continue;
            }

            if (!_allowList.Allows((socket.RemoteEndPoint as IPEndPoint)?.Address))
            {
                // MLLP carries no credentials: the peer's address is the only admission check, made before any read.
                Log.ClientNotAllowed(logger, socket.RemoteEndPoint?.ToString() ?? "?");
                socket.Dispose();
                continue;
            }

            if (!_slots.Wait(0, CancellationToken.None))
            {
                Log.ConnectionRefused(logger, socket.RemoteEndPoint?.ToString() ?? "?", options.Value.MaxConnections);
                socket.Dispose();
                continue;
            }

            running.RemoveAll(t => t.IsCompleted);
            running.Add(ServeAsync(socket, Interlocked.Increment(ref _connections), stoppingToken));
        }

        await Task.WhenAll(running);
    }

    private async Task ServeAsync(Socket socket, long id, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var frames = 0;
        var settings = options.Value;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            Log.ConnectionOpened(logger, id, socket.RemoteEndPoint?.ToString() ?? "?");
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            var framer = new MllpFramer(reader, settings.MaxFrameBytes);
            while (true)
            {
                idle.CancelAfter(settings.IdleTimeout);
                var frame = await framer.ReadFrameAsync(idle.Token);
                if (frame.DiscardedBytes > 0 && frame.Kind != MllpFrameKind.Oversize)
                {
                    Log.GarbageDiscarded(logger, id, frame.DiscardedBytes);
                }

                if (frame.Kind == MllpFrameKind.EndOfStream)
                {
                    break;
                }

                frames++;
                Pcd01Outcome outcome;
                if (frame.Kind == MllpFrameKind.Oversize)
                {
                    Log.FrameOversize(logger, id, frame.DiscardedBytes);
                    outcome = handler.RejectOversize(settings.MaxFrameBytes);
                }
                else
                {
                    idle.CancelAfter(Timeout.InfiniteTimeSpan); // our own processing time is not the peer's idleness
                    outcome = await handler.HandleAsync(frame.Payload, stoppingToken);
                }

                await stream.WriteAsync(MllpFramer.Frame(outcome.Ack), stoppingToken);
            }

            await reader.CompleteAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            Log.IdleTimeout(logger, id, settings.IdleTimeout);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Log.ConnectionFailed(logger, id, ex.GetType().Name);
        }
        finally
        {
            Log.ConnectionClosed(logger, id, frames);
            _slots!.Release();
        }
    }
}
