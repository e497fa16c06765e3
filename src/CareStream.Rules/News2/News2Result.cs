namespace CareStream.Rules.News2;

/// <summary>A NEWS2 score (RCP 2017). When <see cref="IsComplete"/> is false the aggregate is a lower bound.</summary>
/// <param name="Subscores">Score per parameter that had a value.</param>
/// <param name="Missing">Parameters without a value; empty when complete.</param>
/// <param name="Aggregate">Sum of <paramref name="Subscores"/> (0–20); a lower bound when incomplete.</param>
/// <param name="HasSingleParameterScoreOf3">Any parameter scored 3.</param>
/// <param name="ResponseLevel">Chart 3 level of the known part (a lower bound when incomplete).</param>
/// <param name="MonitoringFrequency">Chart 4 minimum monitoring frequency for that level.</param>
/// <param name="SpO2Scale">The scale used.</param>
/// <param name="PopulationNotValidated">Under-16 or pregnancy: NEWS2 not validated, interpret with care.</param>
public sealed record News2Result(
    IReadOnlyDictionary<News2Parameter, int> Subscores,
    IReadOnlyList<News2Parameter> Missing,
    int Aggregate,
    bool HasSingleParameterScoreOf3,
    News2ResponseLevel ResponseLevel,
    News2MonitoringFrequency MonitoringFrequency,
    SpO2Scale SpO2Scale,
    bool PopulationNotValidated)
{
    /// <summary>True when all seven parameters had a value.</summary>
    public bool IsComplete => Missing.Count == 0;
}
