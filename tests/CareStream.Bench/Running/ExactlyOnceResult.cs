namespace CareStream.Bench.Running;

/// <summary>Outcome of <see cref="ExactlyOnceCheck"/>; <see cref="Passed"/> only with no loss, no duplicate, nothing extra.</summary>
public sealed record ExactlyOnceResult(long Published, long StoredRows, long StoredDistinct, long Missing, long Duplicated, long Unexpected)
{
    public bool Passed => Published > 0 && Missing == 0 && Duplicated == 0 && Unexpected == 0 && StoredRows == Published;
}
