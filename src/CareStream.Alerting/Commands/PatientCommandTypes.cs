namespace CareStream.Alerting.Commands;

/// <summary>The <c>type</c> values of <c>carestream.patient-commands.v1</c> records (fixed wire strings).</summary>
public static class PatientCommandTypes
{
    public const string Acknowledge = "acknowledge";
    public const string AudioPause = "audio-pause";
    public const string Annotate = "annotate";
    public const string Charting = "charting";
    public const string Limits = "limits";

    /// <summary>True for the commands against one alarm episode (they carry an <c>episodeId</c>).</summary>
    public static bool IsAlarmCommand(string type) => type is Acknowledge or AudioPause or Annotate;
}
