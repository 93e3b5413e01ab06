using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ShopApp.Pages.Shared;

/// <summary>
/// A one-time message carried across a post/redirect/get ("Added to your cart", "Only 3 left"). It travels in
/// TempData, which ShopApp keeps in the session rather than in a cookie of its own. <see cref="ProductId"/>,
/// when set, lets the page show the message beside that product's quantity field too.
/// </summary>
public sealed record Notice(NoticeKind Kind, string Text, int? ProductId = null)
{
    private const string KindKey = "Notice.Kind";
    private const string TextKey = "Notice.Text";
    private const string ProductKey = "Notice.ProductId";

    public static void Set(ITempDataDictionary tempData, Notice notice)
    {
        tempData[KindKey] = notice.Kind.ToString();
        tempData[TextKey] = notice.Text;
        if (notice.ProductId is int productId)
        {
            tempData[ProductKey] = productId;
        }
    }

    /// <summary>
    /// Whether anything is waiting in TempData (a notice above all) for this visitor's next page, read without
    /// marking it shown: the page cache renders such a page for the visitor instead of sharing one.
    /// </summary>
    public static bool IsWaiting(ISession session) => session.TryGetValue(ShopApp.Sessions.SessionKeys.TempData, out _);

    /// <summary>
    /// The notice for this request, if any. Reading marks it as shown, so it does not come back on the next page;
    /// within this request the layout and the page can both read it.
    /// </summary>
    public static Notice? Read(ITempDataDictionary tempData) =>
        tempData[TextKey] is string text && Enum.TryParse<NoticeKind>(tempData[KindKey] as string, out var kind)
            ? new Notice(kind, text, tempData[ProductKey] as int?)
            : null;
}

public enum NoticeKind
{
    Success,
    Problem,
}
