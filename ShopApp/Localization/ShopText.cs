namespace ShopApp.Localization;

/// <summary>
/// The one resource set for every string a user sees: ShopText.resx (English), ShopText.fr.resx and ShopText.de.resx
/// beside this file. Keys are the English text, so a page reads naturally (<c>@T["Add to cart"]</c>); the tests
/// make sure every key used in the code has a non-empty translation in all three languages.
/// </summary>
public sealed class ShopText;
