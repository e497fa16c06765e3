using CareStream.Auth.Audit;
using CareStream.Auth.Data;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace CareStream.Auth.IntegrationTests;

/// <summary>
/// Guide S6 / A10 on real PostgreSQL: the application role (<c>carestream_app</c>) can insert and read audit rows but
/// neither update nor delete them, and the trigger stops the owner too.
/// </summary>
public sealed class AuditAppendOnlyTests(AuthDatabaseFixture database) : IClassFixture<AuthDatabaseFixture>
{
    private const string InsufficientPrivilege = "42501";

    public static TheoryData<string> Tampering =>
    [
        "UPDATE auth.audit_event SET outcome = '0'",
        "UPDATE auth.audit_event SET resource = '{}'::jsonb WHERE sequence = (SELECT min(sequence) FROM auth.audit_event)",
        "DELETE FROM auth.audit_event",
        "DELETE FROM auth.audit_event WHERE sequence = (SELECT min(sequence) FROM auth.audit_event)",
        "TRUNCATE auth.audit_event",
    ];

    [Fact]
    public async System.Threading.Tasks.Task GivenAuditStore_WhenAppended_ThenRowHoldsParseableBalpAuditEvent()
    {
        var access = await AppendAsync();

        await using var db = database.CreateContext();
        var row = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == access.Id, TestContext.Current.CancellationToken);

        var audit = new FhirJsonDeserializer().Deserialize<AuditEvent>(row.Resource);
        Assert.Equal("PatientQuery", row.Kind);
        Assert.Equal("4", row.Outcome);
        Assert.Equal("usr-nurse-anna", row.AgentWho);
        Assert.Equal(access.Id.ToString("N"), audit.Id);
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async System.Threading.Tasks.Task GivenAppRole_WhenTamperingWithAuditRows_ThenPermissionDenied(string sql)
    {
        await AppendAsync();
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, role: AuditTableSql.AppRole));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async System.Threading.Tasks.Task GivenOwnerConnection_WhenTamperingWithAuditRows_ThenTriggerRejects(string sql)
    {
        await AppendAsync();
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, role: null));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async System.Threading.Tasks.Task GivenAppRole_WhenInsertingAndSelecting_ThenAllowed()
    {
        await AppendAsync();

        var inserted = await ExecuteAsync(
            "INSERT INTO auth.audit_event (id, recorded, kind, outcome, agent_who, resource) VALUES (gen_random_uuid(), now(), 'Query', '0', 'usr-x', '{\"resourceType\":\"AuditEvent\"}')",
            role: AuditTableSql.AppRole);
        var selected = await ExecuteAsync("SELECT count(*) FROM auth.audit_event", role: AuditTableSql.AppRole);

        Assert.Equal(1, inserted);
        Assert.Equal(-1, selected);
    }

    private async Task<AuditAccess> AppendAsync()
    {
        var contexts = new PooledDbContextFactory<AuthDbContext>(Options());
        var store = new AuditEventStore(contexts);
        var access = new AuditAccess(
            Guid.NewGuid(), DateTimeOffset.UtcNow, AuditInteraction.Search, "Observation", null, "pat-1", "patient=pat-1",
            "usr-nurse-anna", "carestream-dashboard", 403, "4bf92f3577b34da6a3ce929d0e0e4736", "carestream-api-test");
        await store.AppendAsync(access, TestContext.Current.CancellationToken);
        return access;
    }

    private DbContextOptions<AuthDbContext> Options()
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDatabase.Configure(options, database.ConnectionString);
        return options.Options;
    }

    private async Task<long> CountAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEvents.LongCountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> as the connection's owner, or after <c>SET ROLE</c> to <paramref name="role"/>.</summary>
    private async Task<int> ExecuteAsync(string sql, string? role)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        if (role is not null)
        {
            await using var setRole = new NpgsqlCommand($"SET ROLE {role}", connection);
            await setRole.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
