var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
await app.RunAsync();

/// <summary>Entry point, public so WebApplicationFactory can start the real host in tests.</summary>
public partial class Program;
