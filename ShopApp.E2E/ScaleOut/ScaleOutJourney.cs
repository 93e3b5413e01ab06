using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.ScaleOut;

/// <summary>
/// Three instances behind round-robin nginx, without sticky sessions: every request of a shopper may land on
/// another instance, and the session (in Redis) must not care.
/// </summary>
public sealed class ScaleOutJourney(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    // Seeded with plenty in stock: 7 Dotted Notebook A5 (100), 9 Colour Pencil Set (60), 10 Sticky Notes Pack (150).

    /// <summary>Remembers which instance answered each page the shopper's browser loaded.</summary>
    private static HashSet<string> TrackInstances(IPage page)
    {
        var instances = new HashSet<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Headers.TryGetValue("x-shopapp-instance", out var name))
            {
                lock (instances)
                {
                    instances.Add(name);
                }
            }
        };
        return instances;
    }

    [ScaleOutFact]
    public async Task A_shopper_served_by_every_instance_keeps_cart_language_sign_in_and_checkout()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(A_shopper_served_by_every_instance_keeps_cart_language_sign_in_and_checkout));
        await shopper.RunAsync(async page =>
        {
            var instances = TrackInstances(page);
            await RegisterAsync(page, "Sam Scale");
            await page.GotoAsync("/");
            await shopper.ProductCard(7).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            await shopper.ProductCard(9).GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(2);
            for (var i = 0; i < 4; i++)
            {
                // Each reload may come from another instance: the cart and the name are the same on all.
                await page.ReloadAsync();
                await shopper.ExpectCartCountAsync(2);
                await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Sam Scale");
            }

            await page.GotoAsync("/Checkout");
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Shipping$"));
            await FillShippingAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Delivery$"));
            await page.Locator("[data-testid=delivery-option][data-method=Standard] input").CheckAsync();
            await page.GetByTestId("continue").ClickAsync();
            await PayAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Review$"));
            await page.ReloadAsync();
            await Expect(page.GetByTestId("review-line")).ToHaveCountAsync(2);

            // The language too, chosen on one instance and honoured by the others.
            await ChooseLanguageAsync(page, "de");
            for (var i = 0; i < 3; i++)
            {
                await page.ReloadAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
            }

            await page.GetByTestId("place-order").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Orders/SA-"));
            await shopper.ExpectCartCountAsync(0);
            Assert.True(instances.Count >= 2, $"every page came from {string.Join(", ", instances)}");
        });
    }

    [ScaleOutFact]
    public async Task Stopping_an_instance_mid_checkout_lets_the_shopper_finish_with_exactly_one_order()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(Stopping_an_instance_mid_checkout_lets_the_shopper_finish_with_exactly_one_order));
        try
        {
            await shopper.RunAsync(async page =>
            {
                await RegisterAsync(page, "Robin Restart");
                await page.GotoAsync("/Products/10");
                await page.GetByTestId("add-to-cart").ClickAsync();
                await shopper.ExpectCartCountAsync(1);
                await page.GotoAsync("/Checkout/Shipping");
                await FillShippingAsync(page);
                await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Delivery$"));

                await ScaleOutCluster.InstanceAsync("stop-instance", 2);

                await page.Locator("[data-testid=delivery-option][data-method=Express] input").CheckAsync();
                await page.GetByTestId("continue").ClickAsync();
                await PayAsync(page);
                await Expect(page).ToHaveURLAsync(new Regex("/Checkout/Review$"));
                await page.GetByTestId("place-order").DblClickAsync();
                // The second click waits for the first to release the session's lock (by design), on a machine that also
                // runs three instances, PostgreSQL and the other test suites: more than the default 5 s is no failure.
                await Expect(page).ToHaveURLAsync(new Regex("/Orders/SA-"), new() { Timeout = 20_000 });

                await page.GetByTestId("orders-link").ClickAsync();
                await Expect(page.GetByTestId("order")).ToHaveCountAsync(1);
            });
        }
        finally
        {
            await ScaleOutCluster.InstanceAsync("start-instance", 2);
        }
    }

    [ScaleOutFact]
    public async Task Fifty_concurrent_adds_through_the_balancer_all_land()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(Fifty_concurrent_adds_through_the_balancer_all_land));
        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/9");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();

            // The browser context's request API shares its cookies: fifty tabs adding at once, spread over the instances.
            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            {
                var form = page.APIRequest.CreateFormData();
                form.Set("productId", "10");
                form.Set("quantity", "1");
                form.Set("__RequestVerificationToken", token);
                return page.APIRequest.PostAsync("/Cart?handler=Add", new() { Form = form, MaxRedirects = 0 });
            }));

            Assert.All(responses, r => Assert.Equal(302, r.Status));
            Assert.True(responses.Select(r => r.Headers.GetValueOrDefault("x-shopapp-instance")).Distinct().Count() >= 2);
            await page.GotoAsync("/Cart");
            await Expect(shopper.CartLine(10).Locator("input[name=quantity]")).ToHaveValueAsync("50");
            await Expect(shopper.CartLine(9).Locator("input[name=quantity]")).ToHaveValueAsync("1");
        });
    }

    [ScaleOutFact]
    public async Task Stopping_and_restarting_Redis_loses_no_cart()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(Stopping_and_restarting_Redis_loses_no_cart));
        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/7");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            await page.GotoAsync("/Products/9");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(2);

            await ScaleOutCluster.RedisAsync("stop-redis");
            await ScaleOutCluster.RedisAsync("start-redis");

            // The append-only file brought every session back; the instances reconnect by themselves, each in its own
            // time. Until one has, its requests fail at once (the instances do not queue for Redis), so the journey
            // goes on only when every instance has answered.
            var reconnected = new HashSet<string>();
            for (var attempt = 0; attempt < 120 && reconnected.Count < ScaleOutCluster.InstanceCount; attempt++)
            {
                var response = await page.APIRequest.GetAsync("/Cart", new() { MaxRedirects = 0 });
                if (response.Status == 200)
                {
                    reconnected.Add(response.Headers.GetValueOrDefault("x-shopapp-instance", ""));
                }
                else
                {
                    await Task.Delay(500);
                }
            }
            Assert.Equal(ScaleOutCluster.InstanceCount, reconnected.Count);
            await page.GotoAsync("/Cart");
            await Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(2);
            await Expect(shopper.CartLine(7)).ToBeVisibleAsync();
            await Expect(shopper.CartLine(9)).ToBeVisibleAsync();
            await page.GotoAsync("/Products/10");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(3);
        });
    }

    [ScaleOutFact]
    public async Task Requests_answered_by_several_instances_find_one_session_and_the_teacher_sees_it()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(Requests_answered_by_several_instances_find_one_session_and_the_teacher_sees_it));
        await using var teacher = await cluster.NewShopperAsync(nameof(Requests_answered_by_several_instances_find_one_session_and_the_teacher_sees_it) + "_teacher");
        var hash = "";

        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/9");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            await page.GotoAsync("/Learn/Servers");
            hash = (await page.GetByTestId("session-inspector").GetByTestId("session-id-hash").TextContentAsync())!;

            await page.GetByTestId("echo-five").ClickAsync();

            var answers = page.GetByTestId("echo-answer");
            await Expect(answers).ToHaveCountAsync(5);
            var instances = new HashSet<string>();
            for (var i = 0; i < 5; i++)
            {
                await Expect(answers.Nth(i)).ToHaveAttributeAsync("data-session", hash);
                instances.Add((await answers.Nth(i).GetAttributeAsync("data-instance"))!);
            }
            Assert.True(instances.Count >= 2, $"one session, several instances: {string.Join(", ", instances)}");
        });

        await teacher.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, ShopApp.Account.AccountSeed.Admin);
            await page.GotoAsync("/Teacher");
            await Expect(page.Locator($"[data-testid=classroom-session][data-hash='{hash}']")).ToHaveAttributeAsync("data-items", "1");
        });
    }

    [ScaleOutFact]
    public async Task A_price_changed_on_one_instance_is_shown_at_once_by_every_instance()
    {
        await using var shopper = await cluster.NewShopperAsync(nameof(A_price_changed_on_one_instance_is_shown_at_once_by_every_instance));
        await using var manager = await cluster.NewShopperAsync(nameof(A_price_changed_on_one_instance_is_shown_at_once_by_every_instance) + "_manager");
        // 16 Diamond Kite; a price of its own each run, as the cluster's database may outlive one run.
        var price = $"{Random.Shared.Next(10, 99)}.{Random.Shared.Next(10, 99)}";

        // One request at a time (a page load's images and styles would take turns in nginx's rotation too), with the
        // browser's cookies: which instance answered, and the kite's unit price it showed.
        async Task<(string Instance, string Html)> CartAsync(IPage page)
        {
            var response = await page.APIRequest.GetAsync("/Cart");
            Assert.Equal(200, response.Status);
            return (response.Headers["x-shopapp-instance"], await response.TextAsync());
        }

        await shopper.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/16");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await shopper.ExpectCartCountAsync(1);
            // Every instance reads the product, and with tuning on keeps it.
            var warmed = new HashSet<string>();
            for (var i = 0; i < 2 * ScaleOutCluster.InstanceCount; i++)
            {
                warmed.Add((await CartAsync(page)).Instance);
            }
            Assert.Equal(ScaleOutCluster.InstanceCount, warmed.Count);
        });

        await manager.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, ShopApp.Account.AccountSeed.CatalogManager);
            await page.GotoAsync("/Admin/Products/Edit/16");
            await page.GetByLabel("Price (€)").FillAsync(price);
            await page.GetByTestId("save-product").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        });

        await shopper.RunAsync(async page =>
        {
            var instances = new HashSet<string>();
            for (var i = 0; i < 2 * ScaleOutCluster.InstanceCount; i++)
            {
                var (instance, html) = await CartAsync(page);
                Assert.Contains($"data-testid=\"unit-price\">€{price}<", html);
                instances.Add(instance);
            }
            Assert.Equal(ScaleOutCluster.InstanceCount, instances.Count);
        });
    }
}
