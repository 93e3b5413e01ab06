using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Sessions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ShopApp.Account;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Localization;

namespace ShopApp.Tests.Pages.Checkout;

/// <summary>Every field of every step is checked on the server, and a refused form says why beside the field.</summary>
public sealed class CheckoutStepTests : ShopTest
{
    private LogCapture _logs = null!;

    public override async Task InitializeAsync()
    {
        _logs = Factory.CaptureLogs();
        // Card expiry and delivery dates are judged against this day, a Sunday.
        Factory.UseTime(new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));
        await base.InitializeAsync();
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);
    }

    private static string En(string key, params object[] args) => ShopTexts.In("en", key, args);

    [Theory]
    [InlineData("Shipping.FullName", "Enter the name of the person the parcel is for.")]
    [InlineData("Shipping.AddressLine1", "Enter the street and house number.")]
    [InlineData("Shipping.City", "Enter the town or city.")]
    [InlineData("Shipping.PostalCode", "Enter the postal code.")]
    [InlineData("Shipping.Country", "Choose a country from the list.")]
    [InlineData("Shipping.Phone", "Enter a phone number, in case the courier needs to call.")]
    public async Task A_missing_shipping_field_is_named_beside_it(string field, string message)
    {
        var response = await Client.PostShippingAsync(CheckoutSteps.GoodShipping().With(field, "  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(En(message), (await ShopClient.ParseAsync(response)).FieldError(field));
        Assert.Equal("/Checkout/Shipping", (await Client.GetAsync("/Checkout/Delivery")).RedirectTarget());
    }

    [Theory]
    [InlineData("FR", "7500", "France", "75001")]
    [InlineData("DE", "ABCDE", "Germany", "10115")]
    [InlineData("NL", "0123 AB", "Netherlands", "1012 AB")]
    [InlineData("PT", "1000001", "Portugal", "1000-001")]
    public async Task A_postal_code_must_have_the_countrys_shape(string country, string postalCode, string countryName, string example)
    {
        var response = await Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.Country", country).With("Shipping.PostalCode", postalCode));

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(En("This is not a postal code of {0}. It looks like {1}.", En(countryName), example), page.FieldError("Shipping.PostalCode"));
        // What was typed stays in the form, to be corrected rather than typed again.
        Assert.Equal("12 rue de la Paix", page.QuerySelector<IHtmlInputElement>("[name='Shipping.AddressLine1']")!.Value);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("<b>FR</b>")]
    public async Task A_country_not_in_the_list_is_refused(string country)
    {
        var response = await Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.Country", country));

        var page = await ShopClient.ParseAsync(response);
        Assert.Equal(En("Choose a country from the list."), page.FieldError("Shipping.Country"));
        Assert.DoesNotContain("<b>FR</b>", page.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("call me maybe", "A phone number has digits, spaces and + ( ) - only.")]
    [InlineData("+33 12", "Enter a phone number with at least 6 digits.")]
    public async Task A_phone_number_is_checked(string phone, string message)
    {
        var response = await Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.Phone", phone));

        Assert.Equal(En(message), (await ShopClient.ParseAsync(response)).FieldError("Shipping.Phone"));
    }

    [Fact]
    public async Task A_name_longer_than_the_limit_is_refused()
    {
        var response = await Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.FullName", new string('a', 81)));

        Assert.Equal(En("{0} can be at most {1} characters long.", En("Full name"), 80), (await ShopClient.ParseAsync(response)).FieldError("Shipping.FullName"));
    }

    [Fact]
    public async Task A_good_address_is_tidied_and_kept_when_the_shopper_comes_back()
    {
        var fields = CheckoutSteps.GoodShipping().With("Shipping.Country", "NL").With("Shipping.PostalCode", " 1012ab ").With("Shipping.City", " Amsterdam ");

        Assert.Equal("/Checkout/Delivery", (await Client.PostShippingAsync(fields)).RedirectTarget());

        var back = await Client.GetPageAsync("/Checkout/Shipping");
        Assert.Equal("1012 AB", back.QuerySelector<IHtmlInputElement>("[name='Shipping.PostalCode']")!.Value);
        Assert.Equal("Amsterdam", back.QuerySelector<IHtmlInputElement>("[name='Shipping.City']")!.Value);
        Assert.Equal("NL", back.QuerySelector<IHtmlSelectElement>("[name='Shipping.Country']")!.Value);
    }

    [Fact]
    public async Task The_delivery_page_starts_with_standard_chosen_and_keeps_a_choice_once_made()
    {
        await Client.PostShippingAsync();

        var first = await Client.GetPageAsync("/Checkout/Delivery");
        await Client.PostDeliveryAsync("Express");
        var again = await Client.GetPageAsync("/Checkout/Delivery");

        Assert.True(first.QuerySelector<IHtmlInputElement>("input[name=DeliveryMethod][value=Standard]")!.IsChecked);
        Assert.True(again.QuerySelector<IHtmlInputElement>("input[name=DeliveryMethod][value=Express]")!.IsChecked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Overnight")]
    [InlineData("1")]
    [InlineData("Standard,Express")]
    public async Task A_delivery_method_must_be_one_of_the_two(string? method)
    {
        await Client.PostShippingAsync();

        var response = await Client.PostDeliveryAsync(method);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(En("Choose how your order should be delivered."), (await ShopClient.ParseAsync(response)).FieldError("DeliveryMethod"));
        Assert.Equal("/Checkout/Delivery", (await Client.GetAsync("/Checkout/Payment")).RedirectTarget());
    }

    [Fact]
    public async Task The_delivery_page_shows_each_methods_price_for_this_cart_and_keeps_the_choice()
    {
        await Client.PostShippingAsync();

        var page = await Client.GetPageAsync("/Checkout/Delivery");
        // One €12.50 mug: standard delivery is not free yet.
        Assert.Equal("€4.90", page.QuerySelector("[data-method=Standard] [data-testid=delivery-price]")!.TextContent.Trim());
        Assert.Equal("€9.90", page.QuerySelector("[data-method=Express] [data-testid=delivery-price]")!.TextContent.Trim());
        Assert.Contains("Mon 23 Nov", page.QuerySelector("[data-method=Express] [data-testid=delivery-estimate]")!.TextContent);

        await Client.PostDeliveryAsync("Express");
        var back = await Client.GetPageAsync("/Checkout/Delivery");
        Assert.True(back.QuerySelector<IHtmlInputElement>("input[value=Express]")!.IsChecked);
    }

    [Theory]
    [InlineData("Payment.Holder", "Enter the name on the card.")]
    [InlineData("Payment.CardNumber", "Enter the card number.")]
    [InlineData("Payment.Expiry", "Enter the expiry date.")]
    [InlineData("Payment.Cvc", "Enter the security code.")]
    public async Task A_missing_card_field_is_named_beside_it(string field, string message)
    {
        await Client.CompleteStepsAsync();

        var response = await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With(field, ""));

        Assert.Equal(En(message), (await ShopClient.ParseAsync(response)).FieldError(field));
    }

    [Theory]
    [InlineData("4242 4242 4242 4241", "This card number is not valid: check the digits.")]
    [InlineData("4242-4242-4242-424X", "Enter the card number: 12 to 19 digits, spaces allowed.")]
    [InlineData("4242", "Enter the card number: 12 to 19 digits, spaces allowed.")]
    public async Task A_bad_card_number_is_refused(string number, string message)
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();

        var response = await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", number));

        Assert.Equal(En(message), (await ShopClient.ParseAsync(response)).FieldError("Payment.CardNumber"));
        Assert.Equal("/Checkout/Payment", (await Client.GetAsync("/Checkout/Review")).RedirectTarget());
    }

    [Theory]
    [InlineData("10/26", "This card has expired: use another card.")]
    [InlineData("01/2020", "This card has expired: use another card.")]
    [InlineData("13/30", "Enter the expiry date as MM/YY, for example 08/29.")]
    [InlineData("next year", "Enter the expiry date as MM/YY, for example 08/29.")]
    [InlineData("12/2099", "Enter the expiry date printed on the card.")]
    public async Task A_bad_or_past_expiry_is_refused(string expiry, string message)
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();

        var response = await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.Expiry", expiry));

        Assert.Equal(En(message), (await ShopClient.ParseAsync(response)).FieldError("Payment.Expiry"));
    }

    [Fact]
    public async Task A_card_expiring_this_month_is_still_good()
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();

        Assert.Equal("/Checkout/Review", (await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.Expiry", "11/26"))).RedirectTarget());
    }

    [Theory]
    [InlineData(CheckoutSteps.GoodCardNumber, "12", 3)]
    [InlineData(CheckoutSteps.GoodCardNumber, "12a", 3)]
    [InlineData("3782 822463 10005", "123", 4)]
    public async Task The_security_code_has_the_length_of_the_cards_brand(string number, string cvc, int length)
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();

        var response = await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", number).With("Payment.Cvc", cvc));

        Assert.Equal(En("Enter the {0}-digit security code from the card.", length), (await ShopClient.ParseAsync(response)).FieldError("Payment.Cvc"));
    }

    [Fact]
    public async Task The_card_number_and_code_are_never_sent_back_and_only_brand_and_last_four_are_kept()
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();

        var refused = await ShopClient.ParseAsync(await Client.PostPaymentAsync(CheckoutSteps.GoodCard()
            .With("Payment.CardNumber", "5555 5555 5555 4444").With("Payment.Expiry", "01/20").With("Payment.Cvc", "987")));
        Assert.DoesNotContain("5555 5555 5555 4444", refused.DocumentElement.OuterHtml);
        Assert.DoesNotContain("987", refused.QuerySelector("form[data-testid=payment-form]")!.OuterHtml);
        Assert.Equal("Carl Customer", refused.QuerySelector<IHtmlInputElement>("[name='Payment.Holder']")!.Value);

        await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "5555 5555 5555 4444"));

        var review = await Client.GetPageAsync("/Checkout/Review");
        Assert.Equal(En("{0} ending in {1}", "Mastercard", "4444"), review.QuerySelector("[data-testid=review-card]")!.TextContent.Trim());
        var payment = await Client.GetPageAsync("/Checkout/Payment");
        Assert.Equal(En("{0} ending in {1} will be used for this order.", "Mastercard", "4444"), payment.QuerySelector("[data-testid=card-on-file] span")!.TextContent.Trim());
        Assert.DoesNotContain("5555 5555", payment.DocumentElement.OuterHtml);
        Assert.Equal("", payment.QuerySelector<IHtmlInputElement>("[name='Payment.CardNumber']")!.Value);
    }

    [Fact]
    public async Task Neither_the_session_store_nor_the_logs_ever_hold_the_card_number_or_code()
    {
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();
        await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "5555 5555 5555 4444").With("Payment.Expiry", "01/20").With("Payment.Cvc", "731"));
        await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "5555-5555-5555-4444").With("Payment.Cvc", "731"));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PlaceOrderAsync()).StatusCode);
        await Client.AddAsync(productId: 3);
        await Client.PostShippingAsync();
        await Client.PostDeliveryAsync();
        await Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "5555 5555 5555 4444").With("Payment.Cvc", "731"));

        var stored = Encoding.UTF8.GetString(await SessionBytesAsync());
        Assert.Contains("\"last4\":\"4444\"", stored);
        Assert.Contains("Mastercard", stored);
        foreach (var secret in new[] { "5555555555554444", "5555 5555 5555 4444", "5555-5555-5555-4444" })
        {
            Assert.DoesNotContain(secret, stored);
            Assert.DoesNotContain(secret, _logs.All);
        }
        Assert.DoesNotContain("cvc", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Payment.Cvc=731", _logs.All);
        Assert.NotEmpty(_logs.Lines);
    }

    /// <summary>The raw bytes the session store holds for this client's session.</summary>
    private async Task<byte[]> SessionBytesAsync()
    {
        var cookie = Uri.UnescapeDataString(Client.Cookies[SessionKeys.SessionCookie]);
        var padded = cookie.PadRight(cookie.Length + (4 - cookie.Length % 4) % 4, '=');
        var protector = Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SessionMiddleware");
        var key = Encoding.UTF8.GetString(protector.Unprotect(Convert.FromBase64String(padded)));
        return await Factory.Services.GetRequiredService<IDistributedCache>().GetAsync(key) ?? throw new InvalidOperationException("No session is stored.");
    }

    [Fact]
    public async Task A_step_post_without_an_antiforgery_token_is_refused()
    {
        var response = await Client.PostWithoutTokenAsync("/Checkout/Shipping", CheckoutSteps.GoodShipping());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
