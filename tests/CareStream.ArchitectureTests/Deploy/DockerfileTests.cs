namespace CareStream.ArchitectureTests.Deploy;

/// <summary>The one image every role runs: built with the SDK, shipped on the ASP.NET runtime, not as root.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void GivenDockerfile_WhenInspected_ThenBuildsOnSdkAndRunsOnAspNetRuntime()
    {
        var images = Dockerfile.BaseImages();

        Assert.Equal(2, images.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.", images[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.", images[1], StringComparison.Ordinal);
    }

    [Fact]
    public void GivenDockerfile_WhenInspected_ThenFinalStageRunsAsNonRootUser()
    {
        var lines = Dockerfile.Lines();
        var finalStage = lines.Skip(lines.ToList().FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)));

        var user = finalStage.LastOrDefault(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase));

        Assert.NotNull(user);
        Assert.DoesNotContain(Dockerfile.Words(user)[1], new[] { "root", "0", "0:0" });
    }

    [Fact]
    public void GivenDockerfile_WhenInspected_ThenEntryPointIsTheCarestreamHost()
    {
        var entryPoint = Dockerfile.Lines().LastOrDefault(l => l.StartsWith("ENTRYPOINT", StringComparison.OrdinalIgnoreCase));

        Assert.NotNull(entryPoint);
        Assert.Contains("carestream.dll", entryPoint, StringComparison.Ordinal);
    }
}
