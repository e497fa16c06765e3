using System.Collections.Concurrent;
using System.Security.Claims;
using CareStream.Auth;

namespace CareStream.Live.Access;

/// <summary>
/// Who follows which ward, server-side: connection id → (user, wards) and <c>sub</c> → connection ids. SignalR keeps
/// group membership but cannot say why a connection is in a group; this does, so an unassignment can take a user's
/// connections out of the ward's group (guide A7) and a disconnect forgets them.
/// </summary>
public sealed class WardFollowers
{
    private readonly ConcurrentDictionary<string, Follower> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _bySubject = new(StringComparer.Ordinal);

    /// <summary>Records that a connection follows a ward (call before the group join, after the access check).</summary>
    public void Follow(string connectionId, ClaimsPrincipal user, string wardId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var follower = _connections.GetOrAdd(connectionId, static (_, u) => new Follower(u), user);
        follower.Add(wardId);
        _bySubject.GetOrAdd(follower.Subject, static _ => new(StringComparer.Ordinal)).TryAdd(connectionId, 0);
    }

    public void Unfollow(string connectionId, string wardId)
    {
        if (_connections.TryGetValue(connectionId, out var follower))
        {
            follower.Remove(wardId);
        }
    }

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var follower)
            && _bySubject.TryGetValue(follower.Subject, out var ids))
        {
            ids.TryRemove(connectionId, out _);
            if (ids.IsEmpty)
            {
                _bySubject.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(follower.Subject, ids));
            }
        }
    }

    /// <summary>The open connections of one user (<c>sub</c>).</summary>
    public IReadOnlyCollection<string> ConnectionsOf(string subject) =>
        _bySubject.TryGetValue(subject, out var ids) ? [.. ids.Keys] : [];

    /// <summary>A point-in-time copy of every following connection: its user and the wards it follows.</summary>
    public IReadOnlyList<(string ConnectionId, ClaimsPrincipal User, IReadOnlyList<string> Wards)> Snapshot() =>
        [.. _connections.Select(c => (c.Key, c.Value.User, c.Value.Wards()))];

    public int Count => _connections.Count;

    private sealed class Follower(ClaimsPrincipal user)
    {
        private readonly HashSet<string> _wards = new(StringComparer.Ordinal);

        public ClaimsPrincipal User { get; } = user;

        public string Subject { get; } = user.FindFirst(CareStreamClaims.Subject)?.Value ?? "";

        public void Add(string wardId)
        {
            lock (_wards)
            {
                _wards.Add(wardId);
            }
        }

        public void Remove(string wardId)
        {
            lock (_wards)
            {
                _wards.Remove(wardId);
            }
        }

        public IReadOnlyList<string> Wards()
        {
            lock (_wards)
            {
                return [.. _wards];
            }
        }
    }
}
