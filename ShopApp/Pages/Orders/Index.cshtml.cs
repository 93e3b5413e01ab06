using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShopApp.Data;
using ShopApp.Orders;

namespace ShopApp.Pages.Orders;

/// <summary><c>/Orders</c>: the signed-in user's orders, newest first.</summary>
public class IndexModel(ShopDbContext db) : PageModel
{
    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var orders = await db.Orders.AsNoTracking().Where(o => o.UserId == userId)
            .OrderByDescending(o => o.PlacedAtUtc).ThenByDescending(o => o.Id)
            .Select(o => new { o.Number, o.PlacedAtUtc, o.Status, o.Total, Items = o.Lines.Sum(l => l.Quantity) })
            .ToListAsync(cancellationToken);
        Orders = [.. orders.Select(o => new OrderRow(o.Number, o.PlacedAtUtc, o.Status, o.Total, o.Items))];
    }
}

public sealed record OrderRow(string Number, DateTime PlacedAtUtc, OrderStatus Status, decimal Total, int Items);
