using ShopApp.Orders;

namespace ShopApp.Checkout;

public static class CheckoutSetup
{
    /// <summary>The checkout in session and the orders it turns into.</summary>
    public static IServiceCollection AddShopCheckout(this IServiceCollection services)
    {
        services.AddScoped<CheckoutSession>();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderStatusChanges>();
        return services;
    }
}
