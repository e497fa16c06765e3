using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.UnitTests.Fakes;

public sealed class FakeLifetime : IHostApplicationLifetime
{
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => CancellationToken.None;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public Task StopRequested => _stopRequested.Task;

    public bool StopCalled => _stopRequested.Task.IsCompleted;

    public void StopApplication() => _stopRequested.TrySetResult();
}
