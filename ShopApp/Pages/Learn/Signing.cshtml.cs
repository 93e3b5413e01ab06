using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 3: one message, signed (Flask-style HMAC) and encrypted (Data Protection), then checked after editing.</summary>
public class SigningModel(FlaskStyleCookie signer, IDataProtectionProvider dataProtection) : LessonModel
{
    public const int MaxMessageLength = 200;

    /// <summary>Limits what the check form accepts: a protected 200-character message is far shorter.</summary>
    public const int MaxProtectedLength = 2000;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("ShopApp.Learn.Signing");

    [BindProperty]
    [Required(ErrorMessage = "Write a short message first.")]
    [StringLength(MaxMessageLength, ErrorMessage = "At most {1} characters, please.")]
    [Display(Name = "Your message")]
    public string? Message { get; set; }

    [BindProperty]
    [StringLength(MaxProtectedLength, ErrorMessage = "At most {1} characters, please.")]
    [Display(Name = "Signed")]
    public string? Signed { get; set; }

    [BindProperty]
    [StringLength(MaxProtectedLength, ErrorMessage = "At most {1} characters, please.")]
    [Display(Name = "Encrypted")]
    public string? Encrypted { get; set; }

    /// <summary>After a check: what each value said, or null when the server refused it.</summary>
    public CheckResult? Checked { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostProtect()
    {
        ModelState.Remove(nameof(Signed));
        ModelState.Remove(nameof(Encrypted));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Shown again in the check form, where the learner changes them.
        ModelState.Clear();
        Signed = signer.Sign(System.Text.Json.JsonSerializer.Serialize(Message));
        Encrypted = _protector.Protect(Message!);
        return Page();
    }

    public IActionResult OnPostCheck()
    {
        ModelState.Remove(nameof(Message));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Checked = new CheckResult(
            Signed is { Length: > 0 } signed ? signer.Verify(signed) : null,
            Signed is { Length: > 0 } readable ? FlaskStyleCookie.Read(readable) : null,
            Encrypted is { Length: > 0 } encrypted ? Unprotect(encrypted) : null);
        return Page();
    }

    private string? Unprotect(string value)
    {
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <param name="SignedAccepted">The signed value's content when its signature holds.</param>
    /// <param name="SignedReadable">What the signed value says, signature or not: anyone can read it.</param>
    /// <param name="EncryptedAccepted">The encrypted value's content when Data Protection accepts it.</param>
    public sealed record CheckResult(string? SignedAccepted, string? SignedReadable, string? EncryptedAccepted);
}
