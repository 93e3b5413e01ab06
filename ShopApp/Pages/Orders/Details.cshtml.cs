using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Orders;

namespace ShopApp.Pages.Orders;

/// <summary>
/// <c>/Orders/{number}</c>: one order, with what was paid for each line when it was placed. Another user's number
/// is a 404, exactly like a number that does not exist: the page does not reveal which numbers are taken.
/// Admins may open any order.
/// </summary>
public class DetailsModel(ShopDbContext db) : PageModel
{
    public Order Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsWellFormed(number))
        {
            return NotFound();
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id))
            .FirstOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null || order.UserId != userId && !User.IsInRole(ShopRoles.Admin))
        {
            return NotFound();
        }
        Order = order;
        return Page();
    }
}
