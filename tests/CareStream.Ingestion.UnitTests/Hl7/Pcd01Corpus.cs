using CareStream.Domain.Vitals;
using CareStream.Ingestion.Hl7;

namespace CareStream.Ingestion.UnitTests.Hl7;

/// <summary>
/// PCD-01 ORU^R01 messages written after the examples of the IHE PCD Technical Framework vol. 2 (DEC, PCD-01):
/// MSH-21 PCD-01 profile, OBR-4 "monitoring of patient", an MDS containment row (1.0.0.0) naming the device by EUI-64,
/// metrics at MDS.VMD.CHAN.METRIC containment, BP components one level below their compound. All data synthetic.
/// </summary>
internal static class Pcd01Corpus
{
    public const string Device = "0123456789ABCDEF";
    public const string OtherDevice = "FEDCBA9876543210";
    public const string Patient = "SYN-PAT-0001";

    public static string Header(string controlId, string type = "ORU^R01^ORU_R01", string version = "2.6") =>
        $"MSH|^~\\&|AcmeGW^ACDE48234567ABCD^EUI-64|AcmeFac|CareStream|CareStreamFac|20240315101500+0000||{type}|{controlId}|P|{version}|||NE|AL||||||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO";

    public const string Pid = "PID|||SYN-PAT-0001^^^CareStream^PI||Synthetic^Patient^^^^^L";
    public const string Pv1 = "PV1||I|ICU^1^1";
    public const string Obr = "OBR|1|GW0001^AcmeGW^ACDE48234567ABCD^EUI-64|GW0001^AcmeGW^ACDE48234567ABCD^EUI-64|182777000^monitoring of patient^SNOMED-CT|||20240315101500+0000";
    public const string Mds = "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||0123456789ABCDEF^^0123456789ABCDEF^EUI-64";

    public static string Message(string controlId, params string[] obx) => string.Join('\r', [Header(controlId), Pid, Pv1, Obr, Mds, .. obx]) + "\r";

    public static readonly DateTimeOffset ObrTime = new(2024, 3, 15, 10, 15, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ObxTime = new(2024, 3, 15, 10, 14, 55, TimeSpan.Zero);

    /// <summary>Case name → (message, expected ACK code, expected readings in order).</summary>
    public static readonly IReadOnlyDictionary<string, Pcd01Case> Cases = new Dictionary<string, Pcd01Case>
    {
        ["HeartRate"] = new(Message("C01", "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|50-120||||R|||20240315101455+0000"),
            Hl7AckCode.AA, [new(VitalSignKind.HeartRate, "8867-4", 147842, "/min", 72, ObxTime, ObservationStatus.Preliminary)]),
        ["SpO2"] = new(Message("C02", "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|98|262688^MDC_DIM_PERCENT^MDC|94-100||||F|||20240315101455+0000||||0123456789ABCDEF^^0123456789ABCDEF^EUI-64"),
            Hl7AckCode.AA, [new(VitalSignKind.OxygenSaturation, "2708-6", 150456, "%", 98, ObxTime, ObservationStatus.Final)]),
        ["PulseRate"] = new(Message("C03", "OBX|2|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|64|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AA, [new(VitalSignKind.PulseRate, "8867-4", 149530, "/min", 64, ObxTime, ObservationStatus.Preliminary)]),
        ["RespiratoryRate"] = new(Message("C04", "OBX|2|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|16|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AA, [new(VitalSignKind.RespiratoryRate, "9279-1", 151562, "/min", 16, ObxTime, ObservationStatus.Preliminary)]),
        ["TemperatureCelsius"] = new(Message("C05", "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.4.1.1|37.2|268192^MDC_DIM_DEGC^MDC|||||F|||20240315101455+0000"),
            Hl7AckCode.AA, [new(VitalSignKind.BodyTemperature, "8310-5", 150364, "Cel", 37.2, ObxTime, ObservationStatus.Final)]),
        ["TemperatureFahrenheit"] = new(Message("C06", "OBX|2|NM|188424^MDC_TEMP_ORAL^MDC|1.4.1.1|99.5|266560^MDC_DIM_FAHR^MDC|||||F|||20240315101455+0000"),
            Hl7AckCode.AA, [new(VitalSignKind.BodyTemperature, "8310-5", 188424, "Cel", 37.5, ObxTime, ObservationStatus.Final)]),
        ["NibpPanel"] = new(Message("C07",
                "OBX|2||150020^MDC_PRESS_BLD_NONINV^MDC|1.5.1.1|||||||X",
                "OBX|3|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.5.1.1.1|120|266016^MDC_DIM_MMHG^MDC|||||F",
                "OBX|4|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.5.1.1.2|80|266016^MDC_DIM_MMHG^MDC|||||F",
                "OBX|5|NM|150023^MDC_PRESS_BLD_NONINV_MEAN^MDC|1.5.1.1.3|93|266016^MDC_DIM_MMHG^MDC|||||F"),
            Hl7AckCode.AA,
            [new(VitalSignKind.SystolicBloodPressure, "8480-6", 150021, "mm[Hg]", 120, ObrTime, ObservationStatus.Final),
             new(VitalSignKind.DiastolicBloodPressure, "8462-4", 150022, "mm[Hg]", 80, ObrTime, ObservationStatus.Final),
             new(VitalSignKind.MeanBloodPressure, "8478-0", 150023, "mm[Hg]", 93, ObrTime, ObservationStatus.Final)]),
        ["NibpKilopascal"] = new(Message("C08",
                "OBX|2|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.5.1.1|15.99864|265987^MDC_DIM_KILO_PASCAL^MDC|||||R|||20240315101455+0000",
                "OBX|3|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.5.1.2|10.66576|265987^MDC_DIM_KILO_PASCAL^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AA,
            [new(VitalSignKind.SystolicBloodPressure, "8480-6", 150021, "mm[Hg]", 120, ObxTime, ObservationStatus.Preliminary),
             new(VitalSignKind.DiastolicBloodPressure, "8462-4", 150022, "mm[Hg]", 80, ObxTime, ObservationStatus.Preliminary)]),
        ["MultipleObx"] = new(Message("C09",
                "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|88|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455+0000",
                "OBX|3|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|95|262688^MDC_DIM_PERCENT^MDC|||||R|||20240315101455+0000",
                "OBX|4|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|22|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AA,
            [new(VitalSignKind.HeartRate, "8867-4", 147842, "/min", 88, ObxTime, ObservationStatus.Preliminary),
             new(VitalSignKind.OxygenSaturation, "2708-6", 150456, "%", 95, ObxTime, ObservationStatus.Preliminary),
             new(VitalSignKind.RespiratoryRate, "9279-1", 151562, "/min", 22, ObxTime, ObservationStatus.Preliminary)]),
        ["CorrectedStatusAndOffset"] = new(Message("C10",
                "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||C|||20240315051455-0500"),
            Hl7AckCode.AA, [new(VitalSignKind.HeartRate, "8867-4", 147842, "/min", 70, ObxTime, ObservationStatus.Amended)]),
        ["StatusXRejected"] = new(Message("C11",
                "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||X|||20240315101455+0000",
                "OBX|3|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||F|||20240315101455+0000"),
            Hl7AckCode.AE, [new(VitalSignKind.OxygenSaturation, "2708-6", 150456, "%", 97, ObxTime, ObservationStatus.Final)]),
        ["MissingTimeZone"] = new(Message("C12",
                "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455"),
            Hl7AckCode.AR, []),
        ["UnknownMdcCode"] = new(Message("C13",
                "OBX|2|NM|152000^MDC_SYNTHETIC_UNKNOWN^MDC|1.9.1.1|5|262144^MDC_DIM_DIMLESS^MDC|||||R|||20240315101455+0000",
                "OBX|3|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|66|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AE, [new(VitalSignKind.HeartRate, "8867-4", 147842, "/min", 66, ObxTime, ObservationStatus.Preliminary)]),
        ["UnknownUnit"] = new(Message("C14",
                "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|66|999999^MDC_DIM_SYNTHETIC^MDC|||||R|||20240315101455+0000"),
            Hl7AckCode.AR, []),
        ["IncompletePanel"] = new(Message("C15",
                "OBX|2|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.5.1.1.1|120|266016^MDC_DIM_MMHG^MDC|||||F"),
            Hl7AckCode.AR, []),
        ["WrongMessageType"] = new(string.Join('\r', Header("C16", "ADT^A01^ADT_A01"), Pid, Pv1), Hl7AckCode.AR, []),
        ["UnsupportedVersion"] = new(string.Join('\r', Header("C17", version: "2.3"), Pid, Obr, Mds), Hl7AckCode.AR, []),
        ["ContainmentOnly"] = new(Message("C18"), Hl7AckCode.AA, []),
    };
}

/// <summary>One corpus message and what CareStream must make of it.</summary>
internal sealed record Pcd01Case(string Message, Hl7AckCode Ack, IReadOnlyList<ExpectedReading> Readings);

/// <summary>A reading as the ingress parser reads it back from the published device Observation.</summary>
internal sealed record ExpectedReading(
    VitalSignKind Kind, string Loinc, int Mdc, string Unit, double Value, DateTimeOffset EffectiveAt, ObservationStatus Status);
