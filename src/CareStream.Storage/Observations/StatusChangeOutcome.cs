namespace CareStream.Storage.Observations;

/// <summary>What <see cref="ObservationVersions.ChangeStatusAsync"/> did.</summary>
public enum StatusChangeOutcome
{
    /// <summary>A new version was written.</summary>
    Changed = 1,

    /// <summary>The status and reason were already current: no new version.</summary>
    Unchanged = 2,

    /// <summary>No Observation has that id.</summary>
    NotFound = 3,

    /// <summary>The expected version is not the current one (someone verified it meanwhile).</summary>
    VersionConflict = 4,
}
