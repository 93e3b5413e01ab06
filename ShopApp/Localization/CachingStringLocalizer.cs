using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ShopApp.Localization;

/// <summary>
/// Remembers each text once per language. Every page asks for dozens of texts, and ResourceManager takes a lock on
/// each lookup: under load, requests queued on that lock (see docs/PERFORMANCE.md). The keys are the literals in our
/// own code, so the cache holds at most (texts × 3 languages) entries.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type? Type, string? BaseName, string? Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), key => new CachingStringLocalizer(resources.Create(key.Type!)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((null, baseName, location), key => new CachingStringLocalizer(resources.Create(key.BaseName!, key.Location!)));
}

public sealed class CachingStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name] =>
        _texts.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), key => resources[key.Name]);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
