using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Privacy;

public sealed record DataAccount(string Email, string DisplayName, string? Language, IReadOnlyList<string> Roles);

public sealed record DataSignIn(DateTime SignedInAtUtc, DateTime LastSeenAtUtc, DateTime ExpiresAtUtc, string? UserAgent, string? IpAddress);

public sealed record DataOrderLine(int ProductId, string Name, decimal UnitPrice, int Quantity);

public sealed record DataOrder(string Number, DateTime PlacedAtUtc, string Status, decimal Total, string Delivery,
    Checkout.ShippingAddress Address, string Card, IReadOnlyList<DataOrderLine> Lines);

public sealed record DataSessionEntry(string Key, string Value);

/// <summary>Everything the shop keeps about one account and the session it is using, as /Account/Data shows and downloads it.</summary>
public sealed record AccountDataExport(DataAccount Account, IReadOnlyList<DataSignIn> SignIns, IReadOnlyList<DataOrder> Orders, IReadOnlyList<DataSessionEntry> Session);

public enum EraseOutcome
{
    Erased,
    WrongPassword,
    /// <summary>The shop's only admin: another admin must exist first.</summary>
    LastAdmin,
}

/// <summary>
/// An account's data, to read and to erase. Erasing deletes the account, its sign-ins and tickets and its session;
/// its orders stay for the shop's books (tax law keeps sales records for years), with the name, address and phone
/// replaced by "erased" and no owner. Analytics events stay: they never named the account, and with the session gone
/// nothing links them to it.
/// </summary>
public sealed class AccountData(ShopDbContext db, UserManager<ShopUser> users, SignIns signIns, IHttpContextAccessor accessor)
{
    public const string Erased = "erased";

    public async Task<AccountDataExport> ExportAsync(ShopUser user, CancellationToken cancellationToken = default)
    {
        var account = new DataAccount(user.Email ?? "", user.DisplayName, user.PreferredCulture, [.. await users.GetRolesAsync(user)]);
        var signInRows = await db.SignIns.AsNoTracking().Where(s => s.UserId == user.Id).OrderByDescending(s => s.SignedInAtUtc).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id)).Where(o => o.UserId == user.Id)
            .OrderByDescending(o => o.PlacedAtUtc).ToListAsync(cancellationToken);
        var session = accessor.HttpContext!.Session;
        await session.LoadAsync(cancellationToken);
        return new AccountDataExport(account,
            [.. signInRows.Select(s => new DataSignIn(s.SignedInAtUtc, s.LastSeenAtUtc, s.ExpiresAtUtc, s.UserAgent, s.IpAddress))],
            [.. orders.Select(o => new DataOrder(o.Number, o.PlacedAtUtc, o.Status.ToString(), o.Total, o.Delivery.ToString(), o.Shipping,
                $"{o.CardBrand} •••• {o.CardLast4}", [.. o.Lines.Select(l => new DataOrderLine(l.ProductId, l.Name, l.UnitPrice, l.Quantity))]))],
            // As the inspector shows them: card numbers, should one ever be there, masked.
            [.. session.Keys.Order(StringComparer.Ordinal).Select(key => new DataSessionEntry(key,
                SessionInspector.Show(session.TryGetValue(key, out var value) ? value : [])))]);
    }

    public async Task<EraseOutcome> EraseAsync(ShopUser user, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return EraseOutcome.WrongPassword;
        }
        if (await users.IsInRoleAsync(user, ShopRoles.Admin) && (await users.GetUsersInRoleAsync(ShopRoles.Admin)).Count <= 1)
        {
            return EraseOutcome.LastAdmin;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var order in await db.Orders.Where(o => o.UserId == user.Id).ToListAsync(cancellationToken))
            {
                order.UserId = null;
                order.Shipping = order.Shipping with
                {
                    FullName = Erased, AddressLine1 = Erased, AddressLine2 = null, City = Erased, PostalCode = Erased, Phone = Erased,
                };
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await signIns.RevokeAllAsync(user.Id, keepSignInId: null, cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }
        return EraseOutcome.Erased;
    }
}
