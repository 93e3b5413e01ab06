using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShopApp.Cart;
using ShopApp.Checkout;
using ShopApp.Data;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 7: what this visitor has in the session beside what their account has in the database.</summary>
public class OrdersModel(CartSession cart, CheckoutSession checkout, ShopDbContext db) : LessonModel
{
    public int CartItems { get; private set; }

    /// <summary>How many of the checkout's steps are done, in session.</summary>
    public int CheckoutStepsDone { get; private set; }

    /// <summary>The signed-in user's orders in the database; null when no one is signed in.</summary>
    public int? Orders { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CartItems = (await cart.GetAsync(cancellationToken)).ItemCount;
        var progress = await checkout.GetAsync(cancellationToken);
        CheckoutStepsDone = Enum.GetValues<CheckoutStep>().Count(progress.IsDone);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Orders = await db.Orders.CountAsync(o => o.UserId == userId, cancellationToken);
        }
    }
}
