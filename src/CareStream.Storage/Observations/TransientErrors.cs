using Npgsql;

namespace CareStream.Storage.Observations;

/// <summary>Which database errors are worth retrying (the server or the connection went away, not the statement).</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, attempt - 1), 5_000));
}
