using CareStream.Auth.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Data;

/// <summary>
/// The identity store, kept apart from <c>CareStreamDbContext</c> in schema <c>auth</c> (own migrations and history
/// table) so that an external IdP deployment can drop it whole: OpenIddict applications, authorizations, scopes and
/// tokens, the embedded server's users, and the append-only audit trail.
/// </summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options)
{
    public const string Schema = "auth";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public DbSet<AuthUser> Users => Set<AuthUser>();

    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly);
    }
}
