using Microsoft.AspNetCore.Identity;

namespace ShopApp.Account;

/// <summary>
/// The three roles, always; and, when <c>Seed:DemoUsers</c> is true (Development), three demo accounts so a class
/// can sign in at once. Their passwords are in the README: never turn this on for a shop on the internet. With the
/// switch off, demo accounts from an earlier start are refused (<see cref="DemoAccounts"/>).
/// </summary>
public static class AccountSeed
{
    public static readonly DemoAccount Admin = new("admin@shopapp.test", "Ada Admin", "Admin#2026", ShopRoles.Admin);
    public static readonly DemoAccount Customer = new("customer@shopapp.test", "Carl Customer", "Customer#2026", ShopRoles.Customer);
    public static readonly DemoAccount CatalogManager = new("catalog@shopapp.test", "Cathy Catalog", "Catalog#2026", ShopRoles.CatalogManager);

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in ShopRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        if (!scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Seed:DemoUsers"))
        {
            // Demo accounts left from an earlier start cannot sign in now (DemoAccounts), and their sign-ins end here.
            var signIns = scope.ServiceProvider.GetRequiredService<SignIns>();
            foreach (var demo in DemoAccounts.All)
            {
                if (await users.FindByEmailAsync(demo.Email) is { } left)
                {
                    await signIns.RevokeAllAsync(left.Id, keepSignInId: null);
                    await users.UpdateSecurityStampAsync(left);
                }
            }
            return;
        }
        foreach (var demo in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }
            var user = new ShopUser { UserName = demo.Email, Email = demo.Email, DisplayName = demo.DisplayName, EmailConfirmed = true };
            Check(await users.CreateAsync(user, demo.Password), demo.Email);
            // Staff are customers too: they can shop like anyone else.
            Check(await users.AddToRolesAsync(user, demo.Role == ShopRoles.Customer ? [ShopRoles.Customer] : [ShopRoles.Customer, demo.Role]), demo.Email);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record DemoAccount(string Email, string DisplayName, string Password, string Role);
