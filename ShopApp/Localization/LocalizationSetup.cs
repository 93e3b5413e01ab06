using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace ShopApp.Localization;

public static class LocalizationSetup
{
    /// <summary>Resources, the request culture's sources in order, and translated validation messages.</summary>
    public static IServiceCollection AddShopLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachingStringLocalizerFactory>();
        services.AddScoped<LanguageSession>();
        // Razor would otherwise write every "é" and "ü" as &#xE9; entities: correct, but unreadable in View Source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = [.. Languages.Cultures];
            options.SupportedUICultures = [.. Languages.Cultures];
            // No query string or cookie source: the choice lives in the session, like the rest of the visitor's state.
            options.RequestCultureProviders =
            [
                new SessionRequestCultureProvider(),
                new AccountRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Model binding's own messages ("The value 'x' is not valid") would otherwise stay English, and would echo
        // the input back; these say what is wrong without repeating it.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var t = factory.Create(typeof(ShopText));
            var messages = options.ModelBindingMessageProvider;
            messages.SetMissingBindRequiredValueAccessor(name => t["Enter a value for {0}.", name]);
            messages.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["The form was empty."]);
            messages.SetValueMustNotBeNullAccessor(_ => t["A value is required."]);
            messages.SetAttemptedValueIsInvalidAccessor((_, name) => t["The value entered for {0} is not valid.", name]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["The value entered is not valid."]);
            messages.SetUnknownValueIsInvalidAccessor(name => t["The value entered for {0} is not valid.", name]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value entered is not valid."]);
            messages.SetValueIsInvalidAccessor(_ => t["The value entered is not valid."]);
            messages.SetValueMustBeANumberAccessor(name => t["{0} must be a number.", name]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["This field must be a number."]);
        });
        return services;
    }

    /// <summary>Data annotation messages and display names come from the same resources as the pages.</summary>
    public static IMvcBuilder AddShopDataAnnotationsLocalization(this IMvcBuilder mvc) =>
        mvc.AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ShopText)));
}
