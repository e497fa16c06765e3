namespace CareStream.Notifications.UnitTests;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(6, 8)]    // capped
    [InlineData(40, 8)]   // no overflow far past the cap
    public void GivenDefaults_WhenDelayBeforeAttempt_ThenDoublesFromOneSecondUpToTheCap(int attempt, int expectedSeconds)
    {
        var schedule = RetrySchedule.From(new NotifierOptions { InitialRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(8) });

        var delay = schedule.DelayBefore(attempt);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void GivenFiveAttempts_WhenTotalled_ThenTheRetryBudgetIsBounded()
    {
        var schedule = new RetrySchedule(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

        var total = schedule.TotalDelay;

        Assert.Equal(TimeSpan.FromSeconds(1 + 2 + 4 + 8), total);
    }

    [Fact]
    public void GivenAttemptZero_WhenDelayAsked_ThenRefused()
    {
        var schedule = new RetrySchedule(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40));

        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.DelayBefore(0));
    }

    [Fact]
    public void GivenCapBelowInitialDelay_WhenValidated_ThenRefused()
    {
        var options = new NotifierOptions { InitialRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(results);
    }
}
