using System.Collections.Concurrent;
using System.Security.Claims;
using CareStream.Auth;
using CareStream.Auth.Access;
using CareStream.Live.Hubs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.UnitTests;

/// <summary>Ward access from a fixed table (sub → wards), changeable between calls.</summary>
internal sealed class TableWardAccess : IWardAccess
{
    public ConcurrentDictionary<string, string[]> Wards { get; } = new(StringComparer.Ordinal);

    public ValueTask<WardScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Wards.TryGetValue(user.FindFirst(CareStreamClaims.Subject)?.Value ?? "", out var wards)
            ? WardScope.Of(wards)
            : WardScope.None);

    public static ClaimsPrincipal User(string subject) =>
        new(new ClaimsIdentity([new Claim(CareStreamClaims.Subject, subject), new Claim(CareStreamClaims.Role, CareStreamRoles.Nurse)], "test"));
}

/// <summary>Records group joins and leaves as "connection|group".</summary>
internal sealed class RecordingGroups : IGroupManager
{
    public ConcurrentBag<string> Added { get; } = [];

    public ConcurrentBag<string> Removed { get; } = [];

    public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        Added.Add($"{connectionId}|{groupName}");
        return Task.CompletedTask;
    }

    public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        Removed.Add($"{connectionId}|{groupName}");
        return Task.CompletedTask;
    }
}

internal sealed class RecordingHubContext(RecordingGroups groups) : IHubContext<WardHub, IWardClient>
{
    public IHubClients<IWardClient> Clients => throw new NotSupportedException("The sweep sends nothing.");

    public IGroupManager Groups { get; } = groups;
}

internal sealed class TestCallerContext(string connectionId, ClaimsPrincipal user) : HubCallerContext
{
    public override string ConnectionId { get; } = connectionId;

    public override string? UserIdentifier => User?.FindFirst(CareStreamClaims.Subject)?.Value;

    public override ClaimsPrincipal? User { get; } = user;

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort()
    {
    }
}
