using System.Collections.Concurrent;
using CareStream.Live.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.UnitTests;

/// <summary>A hub context whose <c>Clients.All</c> records the system alarms sent; nothing else may be sent.</summary>
internal sealed class AllClientsRecorder : IHubContext<WardHub, IWardClient>
{
    private readonly AllOnly _clients = new();

    public ConcurrentQueue<SystemAlarmNotification> SystemAlarms => _clients.Recorded.SystemAlarms;

    public IHubClients<IWardClient> Clients => _clients;

    public IGroupManager Groups { get; } = new RecordingGroups();

    private static NotSupportedException Unexpected() => new("System alarms go to all connections only.");

    private sealed class AllOnly : IHubClients<IWardClient>
    {
        public RecordingWardClient Recorded { get; } = new();

        public IWardClient All => Recorded;

        public IWardClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw Unexpected();

        public IWardClient Client(string connectionId) => throw Unexpected();

        public IWardClient Clients(IReadOnlyList<string> connectionIds) => throw Unexpected();

        public IWardClient Group(string groupName) => throw Unexpected();

        public IWardClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw Unexpected();

        public IWardClient Groups(IReadOnlyList<string> groupNames) => throw Unexpected();

        public IWardClient User(string userId) => throw Unexpected();

        public IWardClient Users(IReadOnlyList<string> userIds) => throw Unexpected();
    }

    private sealed class RecordingWardClient : IWardClient
    {
        public ConcurrentQueue<SystemAlarmNotification> SystemAlarms { get; } = new();

        public Task SystemAlarmChanged(SystemAlarmNotification alarm)
        {
            SystemAlarms.Enqueue(alarm);
            return Task.CompletedTask;
        }

        public Task VitalsUpdated(IReadOnlyList<VitalSignUpdate> updates) => throw Unexpected();

        public Task AlarmChanged(AlarmNotification alarm) => throw Unexpected();

        public Task News2Changed(News2Update score) => throw Unexpected();

        public Task UnassociatedDeviceChanged(UnassociatedDeviceMarker marker) => throw Unexpected();
    }
}
