using CareStream.Domain.Alerts;

namespace CareStream.Rules.Lifecycle;

/// <summary>
/// Result of one state-machine step: the episode afterwards (null when none exists), the events it emitted
/// (possibly none), or a rejection reason when the command is not valid in the current state.
/// </summary>
public sealed record AlarmTransition(AlarmEpisode? Episode, IReadOnlyList<AlarmEvent> Events, string? RejectionReason = null)
{
    public bool IsRejected => RejectionReason is not null;

    internal static AlarmTransition Unchanged(AlarmEpisode? episode) => new(episode, []);

    internal static AlarmTransition Rejected(AlarmEpisode? episode, string reason) => new(episode, [], reason);
}
