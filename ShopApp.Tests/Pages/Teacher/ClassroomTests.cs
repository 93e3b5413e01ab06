using System.Net;
using AngleSharp.Dom;
using ShopApp.Account;
using ShopApp.Tests.Checkout;
using ShopApp.Tests.Teaching;

namespace ShopApp.Tests.Pages.Teacher;

/// <summary>The classroom dashboard /Teacher: for admins only, counting and listing the live sessions, ending them.</summary>
public sealed class ClassroomTests : ShopTest
{
    private static int Count(IDocument page, string what) => int.Parse(page.QuerySelector($"[data-testid=count-{what}]")!.TextContent.Trim());

    private static Dictionary<string, IElement> Rows(IDocument page) =>
        page.QuerySelectorAll("[data-testid=classroom-session]").ToDictionary(row => row.GetAttribute("data-hash")!);

    /// <summary>The shared client signs in as the demo customer and orders one item: a sign-in and an order of the last minutes.</summary>
    private async Task CustomerPlacesAnOrderAsync()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3);
        await Client.CompleteStepsAsync();
        await Client.PlaceOrderAsync();
    }

    private async Task<ShopClient> TeacherAsync()
    {
        var teacher = Factory.CreateShopClient();
        await teacher.SignInAsync(AccountSeed.Admin);
        return teacher;
    }

    [Fact]
    public async Task Only_admins_may_open_the_dashboard()
    {
        Assert.StartsWith("/Account/Login", (await Client.GetAsync("/Teacher")).RedirectTarget());
        await Client.SignInAsync(AccountSeed.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync("/Teacher")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync("/Teacher?handler=Live")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostWithTokenAsync("/Teacher?handler=EndAll", tokenPage: "/")).StatusCode);

        using var admin = await TeacherAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Teacher")).StatusCode);
    }

    [Fact]
    public async Task The_counts_and_the_list_describe_every_live_session()
    {
        using var one = Factory.CreateShopClient();
        using var two = Factory.CreateShopClient();
        using var three = Factory.CreateShopClient();
        await one.AddAsync(productId: 3, quantity: 2);
        await two.AddAsync(productId: 5);
        await two.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "fr" });
        await three.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "de" });
        await CustomerPlacesAnOrderAsync();
        using var admin = await TeacherAsync();

        var page = await admin.GetPageAsync("/Teacher");

        Assert.Equal(5, Count(page, "active-sessions"));
        Assert.Equal(2, Count(page, "sessions-with-cart"));
        Assert.Equal(3, Count(page, "items-in-carts"));
        Assert.Equal(2, Count(page, "recent-sign-ins"));
        Assert.Equal(1, Count(page, "recent-orders"));
        var rows = Rows(page);
        Assert.Equal("2", rows[InspectorView.HashOf(Factory, one)].GetAttribute("data-items"));
        Assert.Contains("fr", rows[InspectorView.HashOf(Factory, two)].TextContent);
        Assert.Contains(AccountSeed.Customer.Email, rows[InspectorView.HashOf(Factory, Client)].TextContent);
        Assert.Equal("true", rows[InspectorView.HashOf(Factory, admin)].GetAttribute("data-yours"));
        Assert.DoesNotContain("productId", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_live_part_refreshes_with_new_sessions()
    {
        using var admin = await TeacherAsync();
        var before = await ShopClient.ParseAsync(await admin.GetAsync("/Teacher?handler=Live"));

        await Client.AddAsync(productId: 1, quantity: 2);
        var after = await ShopClient.ParseAsync(await admin.GetAsync("/Teacher?handler=Live"));

        Assert.Equal(Count(before, "active-sessions") + 1, Count(after, "active-sessions"));
        Assert.Equal(Count(before, "items-in-carts") + 2, Count(after, "items-in-carts"));
        Assert.Contains(InspectorView.HashOf(Factory, Client), Rows(after).Keys);
    }

    [Fact]
    public async Task Ending_all_sessions_spares_only_the_teachers_own()
    {
        using var student = Factory.CreateShopClient();
        await student.AddAsync(productId: 5, quantity: 2);
        await CustomerPlacesAnOrderAsync();
        using var admin = await TeacherAsync();
        await admin.AddAsync(productId: 7);
        using var adminElsewhere = Factory.CreateShopClient();
        await adminElsewhere.SignInAsync(AccountSeed.Admin);

        await admin.FollowAsync(await admin.PostWithTokenAsync("/Teacher?handler=EndAll", tokenPage: "/Teacher"));

        Assert.Empty(await student.CartAsync());
        var customerPage = await Client.GetPageAsync("/Cart");
        Assert.Null(customerPage.UserName());
        Assert.Null((await adminElsewhere.GetPageAsync("/")).UserName());
        var adminPage = await admin.GetPageAsync("/Cart");
        Assert.Equal(AccountSeed.Admin.DisplayName, adminPage.UserName());
        Assert.Equal(new Dictionary<int, int> { [7] = 1 }, adminPage.CartLines());
        await Client.SignInAsync(AccountSeed.Customer);
        Assert.Single((await Client.GetPageAsync("/Orders")).QuerySelectorAll("[data-testid=order]"));
    }

    [Fact]
    public async Task Ending_one_students_session_empties_their_cart_signs_them_out_and_leaves_the_others()
    {
        using var student = Factory.CreateShopClient();
        using var other = Factory.CreateShopClient();
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 4);
        await other.AddAsync(productId: 5);
        using var admin = await TeacherAsync();
        var hash = (await Client.GetPageAsync("/Session")).QuerySelector("[data-testid=session-snapshot]")!.GetAttribute("data-session-hash")!;

        var page = await admin.FollowAsync(await admin.PostAsync("/Teacher?handler=End", new Dictionary<string, string> { ["session"] = hash }, tokenPage: "/Teacher"));

        Assert.False(page.NoticeIsProblem());
        var customerPage = await Client.GetPageAsync("/Cart");
        Assert.Null(customerPage.UserName());
        Assert.Empty(customerPage.CartLines());
        Assert.Equal(new Dictionary<int, int> { [5] = 1 }, await other.CartAsync());
        Assert.Null(page.QuerySelector($"[data-testid=classroom-session][data-hash='{hash}']"));
    }

    [Fact]
    public async Task Ending_a_session_that_is_gone_says_so_and_the_teachers_own_has_no_end_button()
    {
        using var admin = await TeacherAsync();

        var page = await admin.FollowAsync(await admin.PostAsync("/Teacher?handler=End", new Dictionary<string, string> { ["session"] = "00000000" }, tokenPage: "/Teacher"));

        Assert.True(page.NoticeIsProblem());
        var own = page.QuerySelector("[data-testid=classroom-session][data-yours=true]")!;
        Assert.Null(own.QuerySelector("[data-testid=end-session]"));
    }

    /// <summary>Seeded products with stock enough for every student's line.</summary>
    private static readonly int[] InStock = [1, 2, 4, 5, 7];

    [Fact]
    public async Task Forty_students_browsing_at_once_are_all_counted()
    {
        using var admin = await TeacherAsync();
        var students = Enumerable.Range(0, 40).Select(_ => Factory.CreateShopClient()).ToList();
        try
        {
            var dashboard = Task.Run(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Teacher?handler=Live")).StatusCode);
                }
            });
            await Task.WhenAll(students.Select(async (student, i) =>
            {
                Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/")).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await student.AddAsync(productId: InStock[i % InStock.Length], quantity: 1 + i % 2)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/Cart")).StatusCode);
            }).Append(dashboard));

            var page = await admin.GetPageAsync("/Teacher");
            Assert.Equal(41, Count(page, "active-sessions"));
            Assert.Equal(40, Count(page, "sessions-with-cart"));
            Assert.Equal(Enumerable.Range(0, 40).Sum(i => 1 + i % 2), Count(page, "items-in-carts"));
            Assert.Equal(41, Rows(page).Count);
        }
        finally
        {
            students.ForEach(student => student.Dispose());
        }
    }

    [Fact]
    public async Task With_the_memory_store_the_dashboard_says_it_cannot_list_sessions()
    {
        await using var factory = new ShopFactory().With("Session:Store", "Memory");
        using var admin = factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);

        var page = await admin.GetPageAsync("/Teacher");

        Assert.NotNull(page.QuerySelector("[data-testid=classroom-cannot-list]"));
        Assert.Equal(1, Count(page, "recent-sign-ins"));
    }
}
