namespace CareStream.Rules.News2;

/// <summary>ACVPU level charted by a clinician (RCP NEWS2 2017). Anything but <see cref="Alert"/> scores 3.</summary>
public enum Consciousness
{
    Alert = 1,

    /// <summary>New confusion (the C of ACVPU): scores 3, like V, P and U.</summary>
    NewConfusion = 2,
    Voice = 3,
    Pain = 4,
    Unresponsive = 5,
}
