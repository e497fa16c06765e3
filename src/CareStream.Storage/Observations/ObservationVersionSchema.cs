namespace CareStream.Storage.Observations;

/// <summary>
/// SQL of Observation versions (applied by the ObservationVerification migration). The narrow reading row carries
/// only the current status; the version history of the few Observations a clinician has verified lives here, one row
/// per version (version 1 is written, as it was ingested, together with version 2). An Observation without rows here
/// is at version 1, so unverified readings cost no byte more.
/// </summary>
internal static class ObservationVersionSchema
{
    public const string Create = """
        CREATE TABLE observation_version (
            observation_key bigint NOT NULL,
            version_id integer NOT NULL,
            effective timestamptz NOT NULL,
            last_updated timestamptz NOT NULL,
            status smallint NOT NULL,
            reason text NULL,
            CONSTRAINT pk_observation_version PRIMARY KEY (observation_key, version_id)
        );
        """;

    public const string Drop = "DROP TABLE IF EXISTS observation_version;";

    // Locks the Observation's rows (one partition: effective is known) so concurrent verifications serialize.
    public const string LockRows = """
        SELECT patient_key, kind, status FROM observation
        WHERE effective = @effective AND observation_key = @key ORDER BY kind FOR UPDATE
        """;

    public const string Versions = """
        SELECT version_id, last_updated, status, reason FROM observation_version
        WHERE observation_key = @key AND effective = @effective ORDER BY version_id DESC
        """;

    public const string InsertVersion = """
        INSERT INTO observation_version (observation_key, version_id, effective, last_updated, status, reason)
        VALUES (@key, @version, @effective, @last_updated, @status, @reason)
        """;

    public const string UpdateStatus = "UPDATE observation SET status = @status WHERE effective = @effective AND observation_key = @key";

    // The trend tier leaves entered-in-error readings out: rebuild the minute of a reading whose status changed.
    public const string RebuildTrendMinute = """
        DELETE FROM observation_trend
        WHERE patient_key = @patient AND kind = ANY (@kinds) AND minute = date_trunc('minute', @effective, 'UTC');
        INSERT INTO observation_trend (patient_key, kind, minute, min_value, max_value, sum_value, sample_count)
        SELECT patient_key, kind, date_trunc('minute', effective, 'UTC'), min(value), max(value), sum(value), count(*)
        FROM observation
        WHERE patient_key = @patient AND kind = ANY (@kinds) AND status <> 4
            AND effective >= date_trunc('minute', @effective, 'UTC') AND effective < date_trunc('minute', @effective, 'UTC') + interval '1 minute'
        GROUP BY 1, 2, 3;
        """;
}
