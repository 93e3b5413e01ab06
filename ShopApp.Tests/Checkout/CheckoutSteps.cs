using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ShopApp.Tests.Checkout;

/// <summary>A signed-in client walking through the checkout's forms, as its pages post them.</summary>
public static class CheckoutSteps
{
    public const string GoodCardNumber = "4242 4242 4242 4242";

    public static Dictionary<string, string> GoodShipping() => new()
    {
        ["Shipping.FullName"] = "Carl Customer",
        ["Shipping.AddressLine1"] = "12 rue de la Paix",
        ["Shipping.AddressLine2"] = "",
        ["Shipping.City"] = "Paris",
        ["Shipping.PostalCode"] = "75002",
        ["Shipping.Country"] = "FR",
        ["Shipping.Phone"] = "+33 1 23 45 67 89",
    };

    public static Dictionary<string, string> GoodCard() => new()
    {
        ["Payment.Holder"] = "Carl Customer",
        ["Payment.CardNumber"] = GoodCardNumber,
        ["Payment.Expiry"] = "12/30",
        ["Payment.Cvc"] = "123",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }

    public static Task<HttpResponseMessage> PostShippingAsync(this ShopClient client, Dictionary<string, string>? fields = null) =>
        client.PostAsync("/Checkout/Shipping", fields ?? GoodShipping());

    public static Task<HttpResponseMessage> PostDeliveryAsync(this ShopClient client, string? method = "Standard") =>
        client.PostAsync("/Checkout/Delivery", method is null ? [] : new Dictionary<string, string> { ["DeliveryMethod"] = method });

    public static Task<HttpResponseMessage> PostPaymentAsync(this ShopClient client, Dictionary<string, string>? fields = null) =>
        client.PostAsync("/Checkout/Payment", fields ?? GoodCard());

    /// <summary>Shipping, delivery and payment done with good values; the review page is next.</summary>
    public static async Task CompleteStepsAsync(this ShopClient client, string delivery = "Standard")
    {
        Assert.Equal("/Checkout/Delivery", (await client.PostShippingAsync()).RedirectTarget());
        Assert.Equal("/Checkout/Payment", (await client.PostDeliveryAsync(delivery)).RedirectTarget());
        Assert.Equal("/Checkout/Review", (await client.PostPaymentAsync()).RedirectTarget());
    }

    /// <summary>The review form's fields (token and total) as the page rendered them.</summary>
    public static Dictionary<string, string> PlaceOrderFields(this IDocument review) =>
        review.QuerySelectorAll<IHtmlInputElement>("[data-testid=place-order-form] input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);

    /// <summary>Opens the review page and posts its form, as a click on "Place order" does.</summary>
    public static async Task<HttpResponseMessage> PlaceOrderAsync(this ShopClient client)
    {
        var review = await client.GetPageAsync("/Checkout/Review");
        return await client.PostWithoutTokenAsync("/Checkout/Review", review.PlaceOrderFields());
    }

    /// <summary>A new customer (a random e-mail) who orders one of product 7; returns the e-mail.</summary>
    public static async Task<string> RegisterAndOrderAsync(this ShopClient client, string password)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.RegisterAsync(email, password)).StatusCode);
        await client.AddAsync(7);
        await client.CompleteStepsAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.PlaceOrderAsync()).StatusCode);
        return email;
    }

    /// <summary>The order number a response redirected to (<c>/Orders/{number}</c>).</summary>
    public static string OrderNumber(this HttpResponseMessage response)
    {
        var target = response.RedirectTarget();
        Assert.StartsWith("/Orders/", target);
        return target["/Orders/".Length..];
    }
}
