namespace CareStream.Storage.Embedded;

/// <summary>A step of provisioning or running the embedded cluster failed (initdb, pg_ctl, first connection).</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
