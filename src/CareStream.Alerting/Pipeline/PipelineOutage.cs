namespace CareStream.Alerting.Pipeline;

/// <summary>
/// The pure raise/resolve decision of the "pipeline: Kafka unreachable" technical alarm: raised once Kafka has been
/// unreachable for at least the grace period (every probe since the first failure failed), resolved by the first
/// successful probe after that. A failure shorter than the grace raises nothing. Not thread-safe (one monitor loop).
/// </summary>
internal sealed class PipelineOutage(TimeSpan grace)
{
    private DateTimeOffset? _downSince;
    private DateTimeOffset? _raisedFor;

    /// <summary>Start of the current unreachable period, or null while reachable.</summary>
    public DateTimeOffset? DownSince => _downSince;

    /// <summary>Applies one probe result at <paramref name="now"/> and returns the change it makes, if any.</summary>
    public PipelineOutageChange? Observe(bool reachable, DateTimeOffset now)
    {
        if (reachable)
        {
            _downSince = null;
            if (_raisedFor is { } start)
            {
                _raisedFor = null;
                return new PipelineOutageChange(Raised: false, start, now);
            }

            return null;
        }

        _downSince ??= now;
        if (_raisedFor is null && now - _downSince.Value >= grace)
        {
            _raisedFor = _downSince;
            return new PipelineOutageChange(Raised: true, _downSince.Value, now);
        }

        return null;
    }
}
