using System.Reflection;
using ShopApp.Sessions;

namespace ShopApp.Privacy;

/// <summary>Why the shop may keep something: because the shop cannot work without it, or because the visitor said yes.</summary>
public enum LegalBasis
{
    StrictlyNecessary,
    Consent,
}

/// <summary>
/// Says, beside a name in <see cref="SessionKeys"/>, what it is for, how long it lives and on what basis. The texts
/// are English and are looked up in ShopText for the visitor's language.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class KeptAttribute(LegalBasis basis, string purpose, string lifetime) : Attribute
{
    public LegalBasis Basis { get; } = basis;

    public string Purpose { get; } = purpose;

    public string Lifetime { get; } = lifetime;
}

/// <summary>One cookie or session key, as /Privacy and the inspector describe it.</summary>
public sealed record KeptItem(string Name, bool IsCookie, LegalBasis Basis, string Purpose, string Lifetime);

/// <summary>
/// Every cookie and session key the shop can set, read from <see cref="SessionKeys"/>, the one place that names them:
/// a name added there without a <see cref="KeptAttribute"/> stops the app at start, so /Privacy cannot miss it.
/// </summary>
public static class PrivacyInventory
{
    public static IReadOnlyList<KeptItem> All { get; } = Read();

    public static IEnumerable<KeptItem> Cookies => All.Where(i => i.IsCookie);

    public static IEnumerable<KeptItem> SessionEntries => All.Where(i => !i.IsCookie);

    /// <summary>A cookie (with or without the <c>__Host-</c> prefix) or a session key; null for a name the shop does not set.</summary>
    public static KeptItem? Find(string name) => All.FirstOrDefault(i => i.Name == SessionKeys.WithoutHostPrefix(name));

    private static List<KeptItem> Read()
    {
        var items = new List<KeptItem>();
        foreach (var field in typeof(SessionKeys).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (!field.IsLiteral || field.FieldType != typeof(string) || field.Name == nameof(SessionKeys.HostPrefix))
            {
                continue;
            }
            var kept = field.GetCustomAttribute<KeptAttribute>()
                ?? throw new InvalidOperationException($"SessionKeys.{field.Name} says nothing of its purpose, lifetime and legal basis: add [Kept].");
            items.Add(new KeptItem((string)field.GetRawConstantValue()!, field.Name.EndsWith("Cookie", StringComparison.Ordinal),
                kept.Basis, kept.Purpose, kept.Lifetime));
        }
        return items;
    }
}
