using System.Collections.Frozen;

namespace CareStream.Fhir.Terminology;

/// <summary>
/// IEEE 11073-10101 (MDC) numeric codes CareStream accepts (system <see cref="FhirSystems.Mdc"/>).
/// Code = partition × 65536 + term code (partition 2, SCADA, for all of these).
/// </summary>
/// <remarks>
/// Source for all codes except the arterial ones: hl7dk/dk-core <c>input/fsh/valueSets.fsh</c>, ValueSet
/// dk-core-IEEEBasicObservation (clinical-facts.md [S12]). The arterial codes (<c>MDC_PRESS_BLD_ART_*</c> 150032–150035,
/// <c>MDC_PRESS_BLD_ART_ABP_*</c> 150036–150039) are not in that value set; they follow the partition arithmetic
/// (MDC_PRESS_BLD_ART = 2·65536 + 18960) and were cross-checked in two independent public device mappings
/// (an IHE PCD-01 DEC sample ORU^R01 with <c>150033^MDC_PRESS_BLD_ART_SYS</c>…<c>150035^MDC_PRESS_BLD_ART_MEAN</c>, and a
/// Mindray HL7 2.6 parameter table with <c>150037_MDC_PRESS_BLD_ART_ABP_SYS</c>…<c>150039</c>). Confirm against RTMMS before release.
/// </remarks>
public static class Mdc
{
    public const int EcgHeartRate = 147842;
    public const int PulseRate = 149514;
    public const int PulseOximeterPulseRate = 149530;
    public const int PulseRateNonInvasive = 149546;

    public const int PulseOximeterSaturation = 150456;
    public const int ArterialSaturation = 150324;

    public const int RespiratoryRate = 151562;
    public const int AirwayRespiratoryRate = 151570;
    public const int TransthoracicRespiratoryRate = 151578;
    public const int Co2RespiratoryRate = 151594;

    public const int BodyTemperature = 150364;
    public const int CoreTemperature = 150368;
    public const int TympanicTemperature = 150392;
    public const int OralTemperature = 188424;
    public const int AxillaryTemperature = 188452;
    public const int RectalTemperature = 188420;

    public const int NonInvasiveBloodPressure = 150020;
    public const int NonInvasiveSystolic = 150021;
    public const int NonInvasiveDiastolic = 150022;
    public const int NonInvasiveMean = 150023;

    public const int ArterialBloodPressure = 150032;
    public const int ArterialSystolic = 150033;
    public const int ArterialDiastolic = 150034;
    public const int ArterialMean = 150035;

    public const int ArterialLineBloodPressure = 150036;
    public const int ArterialLineSystolic = 150037;
    public const int ArterialLineDiastolic = 150038;
    public const int ArterialLineMean = 150039;

    private static readonly FrozenDictionary<int, string> ReferenceIds = new Dictionary<int, string>
    {
        [EcgHeartRate] = "MDC_ECG_HEART_RATE",
        [PulseRate] = "MDC_PULS_RATE",
        [PulseOximeterPulseRate] = "MDC_PULS_OXIM_PULS_RATE",
        [PulseRateNonInvasive] = "MDC_PULS_RATE_NON_INV",
        [PulseOximeterSaturation] = "MDC_PULS_OXIM_SAT_O2",
        [ArterialSaturation] = "MDC_SAT_O2_ART",
        [RespiratoryRate] = "MDC_RESP_RATE",
        [AirwayRespiratoryRate] = "MDC_AWAY_RESP_RATE",
        [TransthoracicRespiratoryRate] = "MDC_TTHOR_RESP_RATE",
        [Co2RespiratoryRate] = "MDC_CO2_RESP_RATE",
        [BodyTemperature] = "MDC_TEMP_BODY",
        [CoreTemperature] = "MDC_TEMP_CORE",
        [TympanicTemperature] = "MDC_TEMP_TYMP",
        [OralTemperature] = "MDC_TEMP_ORAL",
        [AxillaryTemperature] = "MDC_TEMP_AXILLA",
        [RectalTemperature] = "MDC_TEMP_RECT",
        [NonInvasiveBloodPressure] = "MDC_PRESS_BLD_NONINV",
        [NonInvasiveSystolic] = "MDC_PRESS_BLD_NONINV_SYS",
        [NonInvasiveDiastolic] = "MDC_PRESS_BLD_NONINV_DIA",
        [NonInvasiveMean] = "MDC_PRESS_BLD_NONINV_MEAN",
        [ArterialBloodPressure] = "MDC_PRESS_BLD_ART",
        [ArterialSystolic] = "MDC_PRESS_BLD_ART_SYS",
        [ArterialDiastolic] = "MDC_PRESS_BLD_ART_DIA",
        [ArterialMean] = "MDC_PRESS_BLD_ART_MEAN",
        [ArterialLineBloodPressure] = "MDC_PRESS_BLD_ART_ABP",
        [ArterialLineSystolic] = "MDC_PRESS_BLD_ART_ABP_SYS",
        [ArterialLineDiastolic] = "MDC_PRESS_BLD_ART_ABP_DIA",
        [ArterialLineMean] = "MDC_PRESS_BLD_ART_ABP_MEAN",
    }.ToFrozenDictionary();

    /// <summary>The reference id (e.g. <c>MDC_ECG_HEART_RATE</c>) of a code CareStream knows, or null.</summary>
    public static string? ReferenceId(int code) => ReferenceIds.GetValueOrDefault(code);

    /// <summary>
    /// The MDC code of a BP component within a panel of compound code <paramref name="panelCode"/>: the codes are
    /// consecutive (compound + 1 systolic, + 2 diastolic, + 3 mean), e.g. 150020 → 150021/150022/150023. Returns 0 when
    /// <paramref name="panelCode"/> is not a compound BP code or <paramref name="kind"/> is not a BP component.
    /// </summary>
    public static int BloodPressureComponentOf(int panelCode, CareStream.Domain.Vitals.VitalSignKind kind)
    {
        if (panelCode is not (NonInvasiveBloodPressure or ArterialBloodPressure or ArterialLineBloodPressure))
        {
            return 0;
        }

        return kind switch
        {
            CareStream.Domain.Vitals.VitalSignKind.SystolicBloodPressure => panelCode + 1,
            CareStream.Domain.Vitals.VitalSignKind.DiastolicBloodPressure => panelCode + 2,
            CareStream.Domain.Vitals.VitalSignKind.MeanBloodPressure => panelCode + 3,
            _ => 0,
        };
    }

    /// <summary>The compound BP code (<c>MDC_PRESS_BLD_NONINV</c>, <c>_ART</c>, <c>_ART_ABP</c>) a BP component code belongs to, or 0.</summary>
    public static int BloodPressurePanelOf(int componentCode) => componentCode switch
    {
        NonInvasiveSystolic or NonInvasiveDiastolic or NonInvasiveMean => NonInvasiveBloodPressure,
        ArterialSystolic or ArterialDiastolic or ArterialMean => ArterialBloodPressure,
        ArterialLineSystolic or ArterialLineDiastolic or ArterialLineMean => ArterialLineBloodPressure,
        _ => 0,
    };
}
