namespace CareStream.Rules.News2;

/// <summary>Minimum monitoring frequency from RCP NEWS2 2017 Chart 4.</summary>
public enum News2MonitoringFrequency
{
    /// <summary>Aggregate 0.</summary>
    TwelveHourly = 1,

    /// <summary>Aggregate 1–4.</summary>
    FourToSixHourly = 2,

    /// <summary>A single parameter scoring 3, or aggregate 5–6.</summary>
    Hourly = 3,

    /// <summary>Aggregate 7 or more.</summary>
    Continuous = 4,
}
