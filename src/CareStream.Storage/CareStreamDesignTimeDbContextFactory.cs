using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareStream.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model; it never connects.</summary>
internal sealed class CareStreamDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CareStreamDbContext>
{
    public CareStreamDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareStreamDbContext>()
            .UseNpgsql("Host=localhost;Database=carestream")
            .Options;
        return new CareStreamDbContext(options);
    }
}
