using System.ComponentModel.DataAnnotations;

namespace CareStream.Notifications;

/// <summary>Rest-hook delivery settings, section <c>Notifications</c>.</summary>
public sealed class NotifierOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary><c>Notifications:MaxAttempts</c>: attempts per notification before it is dead-lettered (first try included).</summary>
    [Range(1, 20, ErrorMessage = "Notifications:MaxAttempts must be between {1} and {2}.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary><c>Notifications:InitialRetryDelay</c>: wait before the second attempt; doubles per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Notifications:InitialRetryDelay must be between {1} and {2}.")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Notifications:MaxRetryDelay</c>: cap of the doubling delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00", ErrorMessage = "Notifications:MaxRetryDelay must be between {1} and {2}.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary><c>Notifications:RequestTimeout</c>: one HTTP attempt (connect + answer).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Notifications:RequestTimeout must be between {1} and {2}.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>Notifications:SubscriptionRefreshInterval</c>: how stale the cached subscription set may get.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Notifications:SubscriptionRefreshInterval must be between {1} and {2}.")]
    public TimeSpan SubscriptionRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Notifications:Tiers</c>: escalation tiers; an escalation to level n goes to tier min(n + 1, Tiers).</summary>
    [Range(1, 9, ErrorMessage = "Notifications:Tiers must be between {1} and {2}.")]
    public int Tiers { get; set; } = 2;

    /// <summary><c>Notifications:SignatureTolerance</c>: documented receiver window for the signed timestamp (replay guard).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "Notifications:SignatureTolerance must be between {1} and {2}.")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < InitialRetryDelay)
        {
            yield return new ValidationResult(
                "Notifications:MaxRetryDelay must not be below Notifications:InitialRetryDelay.", [nameof(MaxRetryDelay)]);
        }
    }
}
