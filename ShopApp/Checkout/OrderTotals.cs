namespace ShopApp.Checkout;

/// <summary>
/// The money of an order, in euros. Prices include VAT, so the total is what the customer pays and
/// <see cref="Vat"/> is the share of it that is the destination country's VAT, rounded to the cent.
/// </summary>
public sealed record OrderTotals(decimal Subtotal, decimal Delivery, decimal VatRate)
{
    public decimal Total => Subtotal + Delivery;

    public decimal Vat => Math.Round(Total * VatRate / (100m + VatRate), 2, MidpointRounding.AwayFromZero);

    public static OrderTotals For(IEnumerable<(decimal UnitPrice, int Quantity)> lines, DeliveryMethod delivery, Country country)
    {
        var subtotal = lines.Sum(l => l.UnitPrice * l.Quantity);
        return new OrderTotals(subtotal, DeliveryRules.PriceOf(delivery, subtotal), country.VatRate);
    }
}
