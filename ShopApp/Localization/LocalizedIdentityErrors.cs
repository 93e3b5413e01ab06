using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ShopApp.Localization;

/// <summary>Identity's messages (password rules, a taken e-mail) in the visitor's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<ShopText> t) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Something went wrong. Please try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["The current password is not right."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["The password must have at least {0} characters.", length]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["The password needs a symbol, such as # or !."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["The password needs a digit (0-9)."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["The password needs a lower-case letter (a-z)."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["The password needs an upper-case letter (A-Z)."]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["The password needs at least {0} different characters.", uniqueChars]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["An account with this e-mail address already exists."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["An account with this e-mail address already exists."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Enter a valid e-mail address."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Enter a valid e-mail address."]);
}
