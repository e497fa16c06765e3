namespace CareStream.Auth.Audit;

/// <summary>
/// Raw SQL of the append-only audit table, used by the <c>IdentityAndAudit</c> migration. Two independent locks
/// (docs/adr/adr-2611-identity.md): triggers that raise on UPDATE, DELETE and TRUNCATE for every role including the
/// owner the embedded host connects as, and the <c>carestream_app</c> role that has INSERT and SELECT only.
/// </summary>
internal static class AuditTableSql
{
    public const string AppRole = "carestream_app";

    public const string Up = """
        CREATE FUNCTION auth.audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'auth.audit_event is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON auth.audit_event
            FOR EACH ROW EXECUTE FUNCTION auth.audit_event_is_append_only();
        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON auth.audit_event
            FOR EACH STATEMENT EXECUTE FUNCTION auth.audit_event_is_append_only();
        DO $do$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carestream_app') THEN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
                    -- Roles are cluster-wide: a database migrating concurrently may create it first.
                    BEGIN
                        CREATE ROLE carestream_app NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN
                        NULL;
                    END;
                ELSE
                    RAISE NOTICE 'Role carestream_app is absent and % cannot create it: grants skipped', current_user;
                    RETURN;
                END IF;
            END IF;
            GRANT USAGE ON SCHEMA auth TO carestream_app;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA auth TO carestream_app;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA auth TO carestream_app;
            REVOKE UPDATE, DELETE, TRUNCATE ON auth.audit_event FROM carestream_app;
            REVOKE UPDATE, DELETE, TRUNCATE ON auth.audit_event FROM PUBLIC;
        END
        $do$;
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS audit_event_no_truncate ON auth.audit_event;
        DROP TRIGGER IF EXISTS audit_event_no_update_delete ON auth.audit_event;
        DROP FUNCTION IF EXISTS auth.audit_event_is_append_only();
        DO $do$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'carestream_app') THEN
                REVOKE ALL ON ALL TABLES IN SCHEMA auth FROM carestream_app;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA auth FROM carestream_app;
                REVOKE ALL ON SCHEMA auth FROM carestream_app;
            END IF;
        END
        $do$;
        """;
}
