using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;
using ShopApp.Data;

namespace ShopApp.Orders;

public enum MoveOutcome
{
    Moved,
    NotFound,

    /// <summary>Not a move the order's status allows (it may just have been moved by someone else).</summary>
    NotAllowed,
}

/// <summary>
/// An admin moves an order along: Placed → Shipped → Delivered, or Placed → Cancelled. The status changes with a
/// conditional update on the status it was read with, so two admins (or a double click) cannot both move it; and
/// cancelling puts the stock back in the same transaction, so it happens exactly once.
/// </summary>
public sealed class OrderStatusChanges(ShopDbContext db, CatalogChanges catalogChanges, TimeProvider time, ILogger<OrderStatusChanges> logger)
{
    public async Task<MoveOutcome> MoveAsync(string number, OrderStatus to, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.Number == number)
            .Select(o => new { o.Id, o.Status }).FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return MoveOutcome.NotFound;
        }
        if (!OrderStatuses.CanMove(order.Status, to))
        {
            return MoveOutcome.NotAllowed;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.Orders.Where(o => o.Id == order.Id && o.Status == order.Status)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, to).SetProperty(o => o.StatusChangedAtUtc, now), cancellationToken);
        if (moved == 0)
        {
            return MoveOutcome.NotAllowed;
        }

        if (to == OrderStatus.Cancelled)
        {
            var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id)
                .Select(l => new { l.ProductId, l.Quantity }).ToListAsync(cancellationToken);
            foreach (var line in lines)
            {
                await db.Products.Where(p => p.Id == line.ProductId)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock + line.Quantity), cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        if (to == OrderStatus.Cancelled)
        {
            catalogChanges.Changed();
        }
        logger.LogInformation("Order {Number} moved from {From} to {To}.", number, order.Status, to);
        return MoveOutcome.Moved;
    }
}
