using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;
using ShopApp.Checkout;
using ShopApp.Data;

namespace ShopApp.Orders;

/// <summary>What placing an order needs: who, what, how it was reviewed, and the checkout's one-time token.</summary>
public sealed record PlaceOrder(string UserId, Cart.Cart Cart, CheckoutProgress Progress, string Token, decimal ExpectedTotal, string Culture);

public enum PlaceOutcome
{
    /// <summary>A new order was made.</summary>
    Placed,

    /// <summary>This token already made an order (a double click, a resubmit, a concurrent post): that one is the answer.</summary>
    AlreadyPlaced,

    /// <summary>Some lines are not in stock any more; nothing changed.</summary>
    OutOfStock,

    /// <summary>Prices changed since the review page was shown; nothing changed.</summary>
    TotalChanged,

    /// <summary>Nothing to order (every product left the catalog or was hidden).</summary>
    NothingToOrder,
}

public sealed record PlaceResult(PlaceOutcome Outcome, string? Number = null, IReadOnlyList<Shortage>? Shortages = null);

/// <summary>A line that cannot be delivered as asked: how many the cart wants and how many are left.</summary>
public sealed record Shortage(int ProductId, string Name, int Requested, int Available);

/// <summary>
/// Turns a reviewed checkout into an order, in one database transaction: it re-reads prices and stock, takes the
/// stock with conditional updates that can never make it negative, and records the order with price snapshots
/// under the checkout's one-time token (a unique column). Either all of that happens or none of it.
/// </summary>
public sealed class OrderPlacement(ShopDbContext db, CatalogChanges catalogChanges, TimeProvider time, ILogger<OrderPlacement> logger)
{
    public async Task<PlaceResult> PlaceAsync(PlaceOrder request, CancellationToken cancellationToken = default)
    {
        if (request.Progress is not { Shipping: { } shipping, Delivery: { } delivery, Card: { } card }
            || Countries.Find(shipping.CountryCode) is not { } country)
        {
            throw new InvalidOperationException("Only a checkout with every step done can be placed.");
        }

        // A number can (very rarely) be drawn twice; a fresh one is tried then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPlaceAsync(request, shipping, delivery, card, country, cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                db.ChangeTracker.Clear();
                // The unique token: another request of this checkout got there first. Its order is the answer.
                if (await NumberForTokenAsync(request, cancellationToken) is { } number)
                {
                    return new PlaceResult(PlaceOutcome.AlreadyPlaced, number);
                }
                if (attempt == 3)
                {
                    throw;
                }
                logger.LogWarning(exception, "Placing an order failed on attempt {Attempt}; trying again with a new number.", attempt);
            }
        }
    }

    private async Task<PlaceResult> TryPlaceAsync(PlaceOrder request, ShippingAddress shipping, DeliveryMethod delivery, CardOnFile card, Country country, CancellationToken cancellationToken)
    {
        // SQLite starts it as BEGIN IMMEDIATE: placements run one at a time, each seeing the last one's stock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (await NumberForTokenAsync(request, cancellationToken) is { } placed)
        {
            return new PlaceResult(PlaceOutcome.AlreadyPlaced, placed);
        }

        var ids = request.Cart.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).InLanguage(request.Culture)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        // A product deleted or hidden since it was added is left out, as the review page showed it.
        var lines = request.Cart.Lines.Where(l => products.TryGetValue(l.ProductId, out var product) && product.Visible).ToList();
        if (lines.Count == 0)
        {
            return new PlaceResult(PlaceOutcome.NothingToOrder);
        }

        var totals = OrderTotals.For(lines.Select(l => (products[l.ProductId].Price, l.Quantity)), delivery, country);
        if (totals.Total != request.ExpectedTotal)
        {
            return new PlaceResult(PlaceOutcome.TotalChanged);
        }

        var shortages = new List<Shortage>();
        foreach (var line in lines)
        {
            // The condition is the guard: a line only takes stock that is there, whatever else runs at the same time.
            var taken = await db.Products
                .Where(p => p.Id == line.ProductId && p.Stock >= line.Quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock - line.Quantity), cancellationToken);
            if (taken == 0)
            {
                var left = await db.Products.Where(p => p.Id == line.ProductId).Select(p => p.Stock).FirstAsync(cancellationToken);
                shortages.Add(new Shortage(line.ProductId, products[line.ProductId].Name, line.Quantity, left));
            }
        }
        if (shortages.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PlaceResult(PlaceOutcome.OutOfStock, Shortages: shortages);
        }

        var now = time.GetUtcNow();
        var option = DeliveryRules.OptionFor(delivery, totals.Subtotal, DateOnly.FromDateTime(now.UtcDateTime));
        var order = new Order
        {
            Number = OrderNumbers.New(),
            UserId = request.UserId,
            CheckoutToken = request.Token,
            PlacedAtUtc = now.UtcDateTime,
            Culture = request.Culture,
            Shipping = shipping,
            Delivery = delivery,
            EarliestArrival = option.EarliestArrival,
            LatestArrival = option.LatestArrival,
            Subtotal = totals.Subtotal,
            DeliveryPrice = totals.Delivery,
            VatRate = totals.VatRate,
            Vat = totals.Vat,
            Total = totals.Total,
            CardBrand = card.Brand,
            CardLast4 = card.Last4,
            Lines = [.. lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                Name = products[l.ProductId].Name,
                UnitPrice = products[l.ProductId].Price,
                Quantity = l.Quantity,
            })],
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        catalogChanges.Changed();
        logger.LogInformation("Order {Number} placed: {Lines} lines, {Total} EUR.", order.Number, order.Lines.Count, order.Total);
        return new PlaceResult(PlaceOutcome.Placed, order.Number);
    }

    private Task<string?> NumberForTokenAsync(PlaceOrder request, CancellationToken cancellationToken) =>
        db.Orders.Where(o => o.CheckoutToken == request.Token && o.UserId == request.UserId)
            .Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
}
