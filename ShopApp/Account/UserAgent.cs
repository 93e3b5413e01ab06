namespace ShopApp.Account;

/// <summary>
/// "Firefox on Linux" from a User-Agent header, enough for a user to recognise their own devices in the
/// sign-ins list. Deliberately small: the order of the checks matters, because Edge and Opera also say Chrome,
/// and Chrome also says Safari.
/// </summary>
public static class UserAgent
{
    /// <summary>The browser and the system, each null when the header does not say (the page then says "unknown").</summary>
    public static (string? Browser, string? System) Describe(string? userAgent)
    {
        var ua = userAgent ?? "";
        var browser = ua switch
        {
            _ when ua.Contains("Edg/") => "Edge",
            _ when ua.Contains("OPR/") || ua.Contains("Opera") => "Opera",
            _ when ua.Contains("Firefox/") => "Firefox",
            _ when ua.Contains("HeadlessChrome") => "Chrome (headless)",
            _ when ua.Contains("Chromium/") => "Chromium",
            _ when ua.Contains("Chrome/") || ua.Contains("CriOS/") => "Chrome",
            _ when ua.Contains("Safari/") => "Safari",
            _ when ua.StartsWith("curl/", StringComparison.OrdinalIgnoreCase) => "curl",
            _ => null,
        };
        var system = ua switch
        {
            _ when ua.Contains("Android") => "Android",
            _ when ua.Contains("iPhone") || ua.Contains("iPad") => "iOS",
            _ when ua.Contains("Windows") => "Windows",
            _ when ua.Contains("Mac OS X") || ua.Contains("Macintosh") => "macOS",
            _ when ua.Contains("CrOS") => "ChromeOS",
            _ when ua.Contains("Linux") => "Linux",
            _ => null,
        };
        return (browser, system);
    }
}
