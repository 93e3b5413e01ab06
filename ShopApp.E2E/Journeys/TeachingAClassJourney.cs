using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ShopApp.E2E.Steps;

namespace ShopApp.E2E.Journeys;

/// <summary>
/// A teacher keeps /Teacher on the projector while a student shops: the dashboard follows by itself, and one
/// button ends the class's sessions but not the teacher's.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class TeachingAClassJourney(ShopServer shop)
{
    [Fact]
    public async Task The_dashboard_follows_a_student_by_itself_and_ends_the_class()
    {
        await using var teacher = await shop.NewShopperAsync(nameof(The_dashboard_follows_a_student_by_itself_and_ends_the_class));
        await using var student = await shop.NewShopperAsync(nameof(The_dashboard_follows_a_student_by_itself_and_ends_the_class) + "_student");
        var studentHash = "";

        await teacher.RunAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, ShopApp.Account.AccountSeed.Admin);
            await page.GetByTestId("teacher-link").ClickAsync();
            await Expect(page.GetByTestId("classroom-live")).ToBeVisibleAsync();
        });

        await student.RunAsync(async page =>
        {
            await page.GotoAsync("/Products/7");
            await page.GetByLabel("Quantity").FillAsync("3");
            await page.GetByTestId("add-to-cart").ClickAsync();
            await student.ExpectCartCountAsync(3);
            studentHash = (await page.GetByTestId("session-inspector").GetByTestId("session-id-hash").TextContentAsync())!;
        });

        await teacher.RunAsync(async page =>
        {
            // No reload: the page fetches its live part every few seconds.
            var row = page.Locator($"[data-testid=classroom-session][data-hash='{studentHash}']");
            await Expect(row).ToHaveAttributeAsync("data-items", "3", new() { Timeout = 15_000 });

            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.GetByTestId("end-all-sessions").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
            await Expect(row).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
        });

        await student.RunAsync(async page =>
        {
            await page.ReloadAsync();
            await student.ExpectCartCountAsync(0);
        });
    }
}
