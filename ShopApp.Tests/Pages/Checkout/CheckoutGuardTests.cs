using System.Net;
using ShopApp.Account;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Localization;

namespace ShopApp.Tests.Pages.Checkout;

/// <summary>Who may open which step: signed in, with a cart, and only once the earlier steps are done.</summary>
public sealed class CheckoutGuardTests : ShopTest
{
    public static TheoryData<string> EveryStep => ["/Checkout", "/Checkout/Shipping", "/Checkout/Delivery", "/Checkout/Payment", "/Checkout/Review"];

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string step)
    {
        await Client.AddAsync(productId: 3);

        var response = await Client.GetAsync(step);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?returnUrl={Uri.EscapeDataString(step)}", response.RedirectTarget());
    }

    [Fact]
    public async Task After_signing_in_the_shopper_is_back_at_the_step_with_the_cart_intact()
    {
        await Client.AddAsync(productId: 3, quantity: 2);
        await Client.AddAsync(productId: 7);
        var login = (await Client.GetAsync("/Checkout/Shipping")).RedirectTarget();
        var returnUrl = Uri.UnescapeDataString(login[(login.IndexOf('=') + 1)..]);

        var signedIn = await Client.SignInAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password, returnUrl);

        Assert.Equal("/Checkout/Shipping", signedIn.RedirectTarget());
        var shipping = await Client.FollowAsync(signedIn);
        Assert.NotNull(shipping.QuerySelector("[data-testid=shipping-form]"));
        Assert.Equal(new Dictionary<int, int> { [3] = 2, [7] = 1 }, await Client.CartAsync());
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task With_an_empty_cart_every_step_goes_to_the_cart_and_says_why(string step)
    {
        await Client.SignInAsync(AccountSeed.Customer);

        var response = await Client.GetAsync(step);

        Assert.Equal("/Cart", response.RedirectTarget());
        var cart = await Client.FollowAsync(response);
        Assert.Equal(ShopTexts.In("en", "Your cart is empty: add something to it before checking out."), cart.Notice());
    }

    [Fact]
    public async Task Opening_a_later_step_first_leads_to_the_first_step_not_done()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);

        Assert.Equal("/Checkout/Shipping", (await Client.GetAsync("/Checkout/Review")).RedirectTarget());
        Assert.Equal("/Checkout/Shipping", (await Client.GetAsync("/Checkout/Delivery")).RedirectTarget());
        await Client.PostShippingAsync();
        Assert.Equal("/Checkout/Delivery", (await Client.GetAsync("/Checkout/Payment")).RedirectTarget());
        Assert.Equal("/Checkout/Delivery", (await Client.GetAsync("/Checkout")).RedirectTarget());
        await Client.PostDeliveryAsync();
        Assert.Equal("/Checkout/Payment", (await Client.GetAsync("/Checkout/Review")).RedirectTarget());
        await Client.PostPaymentAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/Checkout/Review")).StatusCode);
        Assert.Equal("/Checkout/Review", (await Client.GetAsync("/Checkout")).RedirectTarget());
    }

    [Fact]
    public async Task Posting_a_later_step_first_saves_nothing_and_leads_to_the_first_step_not_done()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);

        Assert.Equal("/Checkout/Shipping", (await Client.PostPaymentAsync()).RedirectTarget());
        Assert.Equal("/Checkout/Shipping", (await Client.PostDeliveryAsync()).RedirectTarget());

        await Client.PostShippingAsync();
        Assert.Equal("/Checkout/Delivery", (await Client.GetAsync("/Checkout/Payment")).RedirectTarget());
    }

    [Fact]
    public async Task The_step_indicator_marks_done_current_and_remaining_steps()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);
        await Client.PostShippingAsync();

        var delivery = await Client.GetPageAsync("/Checkout/Delivery");

        var states = delivery.QuerySelectorAll("[data-testid=checkout-step]").ToDictionary(s => s.GetAttribute("data-step")!, s => s.GetAttribute("data-state"));
        Assert.Equal(new Dictionary<string, string?> { ["Shipping"] = "done", ["Delivery"] = "current", ["Payment"] = "todo", ["Review"] = "todo" }, states);
        Assert.Equal("step", delivery.QuerySelector("[data-step=Delivery]")!.GetAttribute("aria-current"));
        Assert.NotNull(delivery.QuerySelector("[data-step=Shipping] a[href='/Checkout/Shipping']"));
        Assert.Null(delivery.QuerySelector("[data-step=Review] a"));
    }

    [Fact]
    public async Task Signing_out_ends_the_checkout()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);
        await Client.CompleteStepsAsync();

        await Client.SignOutAsync();
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);

        Assert.Equal("/Checkout/Shipping", (await Client.GetAsync("/Checkout/Review")).RedirectTarget());
    }
}
