namespace CareStream.Auth.UnitTests.Validation;

public sealed class AuthOptionsValidatorTests
{
    [Theory]
    [InlineData(null, "http://localhost:5000/", null, true)]
    [InlineData("https://idp.hospital.example/realms/care", "http://localhost:5000/", null, true)]
    [InlineData("http://localhost:8080/realms/care", "http://localhost:5000/", null, true)]
    [InlineData("http://idp.hospital.example/realms/care", "http://localhost:5000/", null, false)]
    [InlineData("not a url", "http://localhost:5000/", null, false)]
    [InlineData(null, "relative/", null, false)]
    [InlineData(null, "http://localhost:5000/", "relative/dir", false)]
    [InlineData(null, "http://localhost:5000/", "HS256", false)]
    public void GivenSettings_WhenValidated_ThenOnlySafeCombinationsPass(string? authority, string issuer, string? bad, bool valid)
    {
        var options = new AuthOptions { Authority = authority, Issuer = issuer };
        if (bad == "HS256")
        {
            options.ValidAlgorithms.Add("HS256");
        }
        else if (bad is not null)
        {
            options.DataDirectory = bad;
        }

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }
}
