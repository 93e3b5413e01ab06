using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: the learner's own sign-in ticket (claims and roles, read from the server-side ticket this request
/// carried), and when Identity's security-stamp check next remakes it from the database.
/// </summary>
public class RolesModel(IOptions<SecurityStampValidatorOptions> stampOptions) : LessonModel
{
    /// <summary>Claim types the learner sees by a short name; the security stamp is shown only as its length.</summary>
    private static readonly Dictionary<string, string> ShortNames = new()
    {
        [ClaimTypes.NameIdentifier] = "user id",
        [ClaimTypes.Name] = "name",
        [ClaimTypes.Email] = "e-mail",
        [ClaimTypes.Role] = "role",
    };

    public IReadOnlyList<(string Type, string Value)> Claims { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public TimeSpan ValidationInterval => stampOptions.Value.ValidationInterval;

    /// <summary>When the ticket was last made or checked against the database.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    public async Task OnGetAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            return;
        }
        CheckedAt = result.Properties.IssuedUtc;
        Roles = [.. result.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)];
        Claims = [.. result.Principal.Claims.Select(c => (ShortNames.GetValueOrDefault(c.Type, c.Type),
            c.Type == "AspNet.Identity.SecurityStamp" ? $"({c.Value.Length} characters, not shown)" : c.Value))];
    }
}
