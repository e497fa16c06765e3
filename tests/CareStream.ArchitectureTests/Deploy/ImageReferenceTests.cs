namespace CareStream.ArchitectureTests.Deploy;

/// <summary>The pinning rule itself, so the manifest test cannot pass by accepting everything.</summary>
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("apache/kafka:4.1.0", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0.12", true)]
    [InlineData("postgres:15.18-bookworm", true)]
    [InlineData("ghcr.io/carestream/carestream@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("apache/kafka:latest", false)]
    [InlineData("apache/kafka", false)]
    [InlineData("localhost:5000/carestream", false)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", false)]
    [InlineData("postgres:15", false)]
    public void GivenImageReference_WhenJudged_ThenPinnedOnlyWithExactVersionOrDigest(string image, bool pinned)
    {
        var reason = ImageReference.WhyNotPinned(image);

        Assert.Equal(pinned, reason is null);
    }
}
