using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareStream.Notifications.IntegrationTests;

/// <summary>
/// A real rest-hook receiver: Kestrel on a loopback port, <c>PUT /hook/Flag/{id}</c>, verifying the CareStream signature
/// with the subscription secret as a hospital's receiver would (401 on a bad signature). Stop it to simulate an outage;
/// start it again on the same port to bring it back.
/// </summary>
internal sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedNotification> Received { get; } = new();

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}/hook";

    public async Task StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPut("/hook/Flag/{id}", async (string id, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = WebhookSignature.Verify(
                secret, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader],
                body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            Received.Enqueue(new ReceivedNotification(
                id, request.Headers[WebhookSender.EventIdHeader].ToString(), request.ContentType, valid, body));
            return valid ? Results.Ok() : Results.Unauthorized();
        });
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

internal sealed record ReceivedNotification(string FlagId, string EventId, string? ContentType, bool SignatureValid, byte[] Body);
