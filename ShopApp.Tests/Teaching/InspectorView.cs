using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Tests.Teaching;

/// <summary>The session inspector as a test reads it off a page, by data-testid.</summary>
public sealed record InspectorView(
    string? SessionHash,
    IReadOnlyDictionary<string, (int Bytes, string Json)> Entries,
    int StoredBytes,
    int IdleSeconds,
    bool IdleShortened,
    string Store,
    bool SignedIn,
    string? SignInHash,
    string? SignInIssued,
    string? SignInExpires,
    IReadOnlyDictionary<string, (int Bytes, string Hash)> Cookies)
{
    /// <summary>The first session snapshot on the page: the docked panel, or the /Session page's own.</summary>
    public static InspectorView? Of(IDocument page)
    {
        var snapshot = page.QuerySelector("[data-testid=session-snapshot]");
        if (snapshot is null)
        {
            return null;
        }
        string? Text(string testId) => snapshot.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim();
        string? Attribute(string testId, string name) => snapshot.QuerySelector($"[data-testid={testId}]")?.GetAttribute(name);
        return new InspectorView(
            Text("session-id-hash"),
            snapshot.QuerySelectorAll("[data-testid=session-entry]").ToDictionary(
                e => e.GetAttribute("data-key")!,
                e => (int.Parse(e.GetAttribute("data-bytes")!), e.QuerySelector("[data-testid=session-entry-value]")!.TextContent)),
            int.Parse(Attribute("session-total-size", "data-bytes")!),
            int.Parse(Attribute("session-idle-timeout", "data-seconds")!),
            snapshot.QuerySelector("[data-testid=session-idle-shortened]") is not null,
            Attribute("session-store", "data-store")!,
            snapshot.GetAttribute("data-signed-in") == "true",
            Text("sign-in-hash"),
            Attribute("sign-in-issued", "datetime"),
            Attribute("sign-in-expires", "datetime"),
            snapshot.QuerySelectorAll("[data-testid=inspector-cookie]").ToDictionary(
                c => c.GetAttribute("data-name")!,
                c => (int.Parse(c.GetAttribute("data-bytes")!), c.QuerySelector("[data-testid=inspector-cookie-hash]")!.TextContent.Trim())));
    }

    /// <summary>The store key behind a client's session cookie, read the way the server reads it.</summary>
    public static string KeyOf(ShopFactory factory, ShopClient client) =>
        factory.Services.GetRequiredService<SessionCookie>().KeyOf(Uri.UnescapeDataString(client.Cookies[SessionKeys.SessionCookie]))
        ?? throw new InvalidOperationException("The client has no valid session cookie.");

    /// <summary>The short hash the inspector should show for a client's session.</summary>
    public static string HashOf(ShopFactory factory, ShopClient client) => ShortHash.Of(KeyOf(factory, client));
}
