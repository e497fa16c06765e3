namespace CareStream.Rules.News2;

/// <summary>
/// National Early Warning Score 2 (Royal College of Physicians, December 2017): Chart 1 subscores, the aggregate
/// (0–20), the Chart 3 response level and the Chart 4 monitoring frequency. Pure. Missing parameters are
/// reported, never scored as 0. Not validated by the RCP for under-16s or in pregnancy (flag carried through).
/// </summary>
public static class News2Calculator
{
    /// <summary>Scores one set of inputs. Banding is described on <see cref="News2Bands"/>.</summary>
    public static News2Result Calculate(News2Inputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var scores = new Dictionary<News2Parameter, int>();
        var missing = new List<News2Parameter>();

        void Score(News2Parameter parameter, int? score)
        {
            if (score is { } value)
            {
                scores[parameter] = value;
            }
            else
            {
                missing.Add(parameter);
            }
        }

        Score(News2Parameter.RespirationRate, Map(inputs.RespirationRate, News2Bands.RespirationRate));
        Score(News2Parameter.OxygenSaturation, ScoreSpO2(inputs));
        Score(News2Parameter.AirOrOxygen, inputs.OnSupplementalOxygen is { } o2 ? News2Bands.AirOrOxygen(o2) : null);
        Score(News2Parameter.SystolicBloodPressure, Map(inputs.SystolicBloodPressure, News2Bands.SystolicBloodPressure));
        Score(News2Parameter.Pulse, Map(inputs.Pulse, News2Bands.Pulse));
        Score(News2Parameter.Consciousness, inputs.Consciousness is { } c ? News2Bands.Consciousness(c) : null);
        Score(News2Parameter.Temperature, Map(inputs.Temperature, News2Bands.Temperature));

        var aggregate = scores.Values.Sum();
        var single3 = scores.Values.Any(s => s == 3);
        var level = LevelOf(aggregate, single3);
        return new News2Result(
            scores, missing, aggregate, single3, level, FrequencyOf(aggregate, level), inputs.SpO2Scale,
            inputs.PopulationNotValidated);
    }

    /// <summary>Chart 3: ≥7 high; 5–6 medium; a single 3 low-medium; otherwise low.</summary>
    public static News2ResponseLevel LevelOf(int aggregate, bool hasSingleParameterScoreOf3) => aggregate switch
    {
        >= 7 => News2ResponseLevel.High,
        >= 5 => News2ResponseLevel.Medium,
        _ when hasSingleParameterScoreOf3 => News2ResponseLevel.LowMedium,
        _ => News2ResponseLevel.Low,
    };

    private static News2MonitoringFrequency FrequencyOf(int aggregate, News2ResponseLevel level) => level switch
    {
        News2ResponseLevel.High => News2MonitoringFrequency.Continuous,
        News2ResponseLevel.Medium or News2ResponseLevel.LowMedium => News2MonitoringFrequency.Hourly,
        _ when aggregate == 0 => News2MonitoringFrequency.TwelveHourly,
        _ => News2MonitoringFrequency.FourToSixHourly,
    };

    private static int? ScoreSpO2(News2Inputs inputs)
    {
        if (inputs.OxygenSaturation is not { } spo2)
        {
            return null;
        }

        if (inputs.SpO2Scale == SpO2Scale.Scale1)
        {
            return News2Bands.SpO2Scale1(spo2);
        }

        // Scale 2 above 92 % depends on air vs oxygen; without that charted the subscore is unknown, not 0.
        var rounded = News2Bands.RoundToInteger(spo2);
        if (rounded >= 93m && inputs.OnSupplementalOxygen is null)
        {
            return null;
        }

        return News2Bands.SpO2Scale2(spo2, inputs.OnSupplementalOxygen ?? false);
    }

    private static int? Map(double? value, Func<double, int> band) =>
        value is { } v && double.IsFinite(v) ? band(v) : null;
}
