using CareStream.Host.Roles;

namespace CareStream.Host.UnitTests.Roles;

public sealed class CareStreamRolesTests
{
    [Theory]
    [InlineData(null, "ingest,store,rules,live,api,notify")]
    [InlineData("all", "ingest,store,rules,live,api,notify")]
    [InlineData("all,simulator", "ingest,store,rules,live,api,notify,simulator")]
    [InlineData("notify", "notify")]
    [InlineData("api,live", "live,api")]
    [InlineData(" Store , INGEST ", "ingest,store")]
    [InlineData("simulator", "simulator")]
    public void GivenARoleList_WhenParsed_ThenExactlyThoseRolesAreActive(string? value, string expected)
    {
        var roles = CareStreamRoles.Parse(value);

        Assert.Equal(expected, string.Join(',', roles.Names));
    }

    [Theory]
    [InlineData("ingest,bogus")]
    [InlineData(",")]
    public void GivenAnUnknownRole_WhenParsed_ThenTheErrorNamesTheSettingAndTheValidRoles(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CareStreamRoles.Parse(value));

        Assert.Contains("--roles", error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid: all, ingest, store, rules, live, api, notify, simulator", error.Message, StringComparison.Ordinal);
    }
}
