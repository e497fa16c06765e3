namespace CareStream.Storage.Embedded;

/// <summary>The embedded cluster cannot start because the PostgreSQL server binaries are not installed.</summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    public PostgresBinariesNotFoundException()
        : this("PostgreSQL server binaries were not found.")
    {
    }

    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static PostgresBinariesNotFoundException For(IEnumerable<string> searched) => new(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found; searched: "
        + string.Join(", ", searched)
        + ". Fix: install them (Debian/Ubuntu: `apt-get install postgresql`), or set Storage:PostgresBinDirectory "
        + "to the directory holding initdb, or set ConnectionStrings:CareStream to use an existing PostgreSQL server.");
}
