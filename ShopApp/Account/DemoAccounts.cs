using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace ShopApp.Account;

/// <summary>
/// The demo accounts' passwords are in the README, so Identity is asked, through its own account-confirmation hook,
/// to refuse them where they could be abused:
/// <list type="bullet">
/// <item>every demo account while <c>Seed:DemoUsers</c> is off (a database first made in Development keeps them when
/// the shop later starts without the switch);</item>
/// <item>the demo admin also whenever the shop listens on anything but loopback: on a network anyone who read the
/// README could open /Admin and /Teacher. A classroom uses its teacher account instead (Teaching/ClassroomSetup).</item>
/// </list>
/// </summary>
public sealed class DemoAccounts(IConfiguration configuration, IServer server) : IUserConfirmation<ShopUser>
{
    public static readonly IReadOnlyList<DemoAccount> All = [AccountSeed.Admin, AccountSeed.CatalogManager, AccountSeed.Customer];

    public bool Enabled => configuration.GetValue<bool>("Seed:DemoUsers");

    /// <summary>The demo accounts that can sign in now: none with the switch off, and no admin off loopback.</summary>
    public IEnumerable<DemoAccount> Usable => Enabled
        ? All.Where(d => d != AccountSeed.Admin || ListensOnlyOnLoopback(server))
        : [];

    public static bool IsDemo(string? email) => All.Any(d => string.Equals(d.Email, email, StringComparison.OrdinalIgnoreCase));

    public Task<bool> IsConfirmedAsync(UserManager<ShopUser> manager, ShopUser user) => Task.FromResult(
        !IsDemo(user.Email) ||
        Enabled && (!string.Equals(user.Email, AccountSeed.Admin.Email, StringComparison.OrdinalIgnoreCase) || ListensOnlyOnLoopback(server)));

    /// <summary>True when every address the server listens on is loopback (an in-process test server listens on none).</summary>
    public static bool ListensOnlyOnLoopback(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.All(IsLoopbackAddress) ?? true;

    private static bool IsLoopbackAddress(string address)
    {
        var host = BindingAddress.Parse(address).Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
