using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Orders;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Admin;

/// <summary>
/// <c>/Admin/Orders</c>: every order, newest first, filtered by <c>?status=</c>. The admin moves an order along with
/// <c>POST ?handler=Move</c> (<c>number</c>, <c>to</c>); cancelling puts its stock back once.
/// </summary>
public class OrdersModel(ShopDbContext db, OrderStatusChanges changes, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>The most rows one page shows; the filters narrow it down.</summary>
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public OrderStatus? Status { get; private set; }

    public IReadOnlyList<AdminOrderRow> Orders { get; private set; } = [];

    public Dictionary<OrderStatus, int> Counts { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(StatusFilter))
        {
            if (Enum.GetNames<OrderStatus>().Contains(StatusFilter))
            {
                Status = Enum.Parse<OrderStatus>(StatusFilter);
            }
            else
            {
                Problem = t["There is no such status. Showing all orders."];
            }
        }

        Counts = await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var orders = db.Orders.AsNoTracking();
        if (Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }
        Orders = await orders.OrderByDescending(o => o.PlacedAtUtc).ThenByDescending(o => o.Id).Take(PageSize)
            // An erased account's orders have no user: they show with an empty e-mail and "erased" as the name.
            .Select(o => new AdminOrderRow(
                o.Number, o.PlacedAtUtc, db.Users.Where(u => u.Id == o.UserId).Select(u => u.Email).FirstOrDefault() ?? "",
                o.Shipping.FullName, o.Lines.Sum(l => l.Quantity), o.Total, o.Status))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(string? number, string? to, CancellationToken cancellationToken)
    {
        var outcome = number is null || !Enum.GetNames<OrderStatus>().Contains(to)
            ? MoveOutcome.NotAllowed
            : await changes.MoveAsync(number, Enum.Parse<OrderStatus>(to!), cancellationToken);
        Notice.Set(TempData, outcome switch
        {
            MoveOutcome.Moved => new Notice(NoticeKind.Success, t["Order {0} is now {1}.", number!, t[to!]]),
            MoveOutcome.NotFound => new Notice(NoticeKind.Problem, t["There is no order {0}.", number!]),
            _ => new Notice(NoticeKind.Problem, t["That change is not possible for this order (it may just have been changed by someone else)."]),
        });
        return RedirectToPage(new { status = StatusFilter });
    }
}

public sealed record AdminOrderRow(string Number, DateTime PlacedAtUtc, string Email, string ShipTo, int Items, decimal Total, OrderStatus Status);
