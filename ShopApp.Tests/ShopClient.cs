using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ShopApp.Tests;

/// <summary>
/// A browser reduced to what the tests need: it keeps cookies by hand (so a test can read, copy, drop or
/// tamper with them), follows no redirect on its own, and scrapes the antiforgery token from a page's form as
/// a browser would send it.
/// </summary>
public sealed class ShopClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request);
    }

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IDocument> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token taken from the
    /// first form on <paramref name="tokenPage"/>, as a browser that had that page open would.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage = "/")
    {
        var page = await GetPageAsync(tokenPage);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"{tokenPage} has no form with an antiforgery token.");
        return await PostWithoutTokenAsync(action, [.. fields, new("__RequestVerificationToken", token)]);
    }

    public Task<HttpResponseMessage> PostAsync(string action, object fields, string tokenPage = "/") =>
        PostAsync(action, ToFields(fields), tokenPage);

    public Task<HttpResponseMessage> PostWithTokenAsync(string action, string tokenPage = "/") =>
        PostAsync(action, Array.Empty<KeyValuePair<string, string>>(), tokenPage);

    /// <summary>Posts a multipart form (fields and at most one file) with the token from <paramref name="tokenPage"/>'s first form.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, UploadedFile? file, string tokenPage)
    {
        var page = await GetPageAsync(tokenPage);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"{tokenPage} has no form with an antiforgery token.");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }
        if (file is not null)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(bytes, file.Field, file.FileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostWithoutTokenAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    /// <summary>Follows a redirect the way a browser would after a POST: GET the Location.</summary>
    public async Task<IDocument> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)redirect.StatusCode}");
        return await GetPageAsync(redirect.Headers.Location!.OriginalString);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.OpenAsync(request => request.Content(response.Content.ReadAsStream()).Address(response.RequestMessage!.RequestUri!));

    /// <summary>Sends any request with this client's cookies, and keeps the cookies it sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var cookie = SetCookie.Parse(header);
            if (cookie.IsDeletion)
            {
                Cookies.Remove(cookie.Name);
            }
            else
            {
                Cookies[cookie.Name] = cookie.Value;
            }
        }
        return response;
    }

    private static IEnumerable<KeyValuePair<string, string>> ToFields(object fields) =>
        fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name, Convert.ToString(p.GetValue(fields), System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public void Dispose() => http.Dispose();
}

/// <summary>A file as a browser's file input sends it: the content type and name are the browser's claim, nothing more.</summary>
public sealed record UploadedFile(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>One Set-Cookie header, with the attributes the tests check.</summary>
public sealed record SetCookie(string Name, string Value, IReadOnlyDictionary<string, string> Attributes)
{
    public bool IsDeletion => Value.Length == 0 ||
        Attributes.TryGetValue("expires", out var expires) && DateTimeOffset.TryParse(expires, out var when) && when < DateTimeOffset.UtcNow;

    public bool Has(string attribute) => Attributes.ContainsKey(attribute.ToLowerInvariant());

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute.ToLowerInvariant());

    public static SetCookie Parse(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var nameValue = parts[0].Split('=', 2);
        var attributes = parts.Skip(1)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].ToLowerInvariant(), p => p.Length > 1 ? p[1] : "");
        return new SetCookie(nameValue[0], nameValue.Length > 1 ? nameValue[1] : "", attributes);
    }

    public static IEnumerable<SetCookie> From(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(Parse) : [];
}
