using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Data;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// A visitor declines the banner and shops (nothing recorded), then accepts, shops and orders (the funnel moves for
/// the admin), downloads their data and erases their account (the admin sees the order anonymised).
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class PrivacyJourney(ShopServer shop)
{
    [Fact]
    public async Task Declining_records_nothing_accepting_moves_the_funnel_and_an_erased_account_leaves_an_anonymous_order()
    {
        await using var visitor = await shop.NewShopperAsync(nameof(Declining_records_nothing_accepting_moves_the_funnel_and_an_erased_account_leaves_an_anonymous_order));
        await using var admin = await shop.NewShopperAsync(nameof(Declining_records_nothing_accepting_moves_the_funnel_and_an_erased_account_leaves_an_anonymous_order) + "_admin");
        var ordersBefore = 0;
        var number = "";

        await admin.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, AccountSeed.Admin);
            await page.GotoAsync("/Admin/Analytics");
            ordersBefore = int.Parse((await page.Locator("[data-testid=funnel-step][data-step=OrderPlaced]").GetAttributeAsync("data-count"))!);
        });

        await visitor.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByTestId("consent-decline").ClickAsync();
            await Expect(page.GetByTestId("consent-banner")).ToHaveCountAsync(0);
            await page.GotoAsync("/Products/1");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await visitor.ExpectCartCountAsync(1);
        });
        Assert.Equal(0, await EventCountAsync());

        await visitor.RunAsync(async page =>
        {
            // Changing the answer on /Privacy.
            await page.GetByTestId("privacy-link").ClickAsync();
            await page.GetByTestId("give-consent").ClickAsync();
            await Expect(page.GetByTestId("analytics-choice")).ToHaveAttributeAsync("data-accepted", "true");
            var email = await RegisterAsync(page, "Pia Privacy");
            await page.GotoAsync("/Products/2");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await page.GotoAsync("/Checkout/Shipping");
            await FillShippingAsync(page);
            await page.GetByTestId("continue").ClickAsync();
            await PayAsync(page);
            await page.GetByTestId("place-order").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Orders/SA-"));
            number = (await page.GetByTestId("order-number").TextContentAsync())!;

            await page.GotoAsync("/Account/Data");
            await Expect(page.GetByTestId("data-email")).ToHaveTextAsync(email);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-data").ClickAsync());
            using (var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
            {
                Assert.Equal(number, json.RootElement.GetProperty("orders")[0].GetProperty("number").GetString());
            }

            await page.GetByLabel("Your password, to confirm").FillAsync(Password);
            await page.GetByTestId("erase-account").ClickAsync();
            await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();
        });
        Assert.NotEqual(0, await EventCountAsync());

        await admin.RunAsync(async page =>
        {
            await page.GotoAsync("/Admin/Analytics");
            await Expect(page.Locator("[data-testid=funnel-step][data-step=OrderPlaced]")).ToHaveAttributeAsync("data-count", (ordersBefore + 1).ToString());
            await page.GotoAsync("/Admin/Orders");
            var order = page.Locator($"[data-testid=order][data-number='{number}']");
            await Expect(order).ToContainTextAsync("erased");
            await Expect(order).Not.ToContainTextAsync("Sam Scale");
        });
    }

    private async Task<int> EventCountAsync()
    {
        using var scope = shop.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ShopDbContext>().AnalyticsEvents.CountAsync();
    }
}
