using CareStream.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Storage.IntegrationTests;

[Collection(StorageCollection.Name)]
public sealed class MigrationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task GivenMigratedDatabase_WhenModelCompared_ThenNoMigrationIsPendingOrMissing()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareStreamDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(pending);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: run `dotnet ef migrations add <Name> --project src/CareStream.Storage`");
    }
}
