using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ShopApp.Pages.Shared;

/// <summary>
/// Binds <c>int</c> and <c>int?</c> from ASCII digits only, with an optional leading <c>-</c>. The framework's own
/// binder also takes <c>+1</c>; a quantity is typed by a person, and "+1" or "１" (full-width) is not how a shop's
/// form expects a number, so those get the field's "not valid" message (or, where the page checks for a missing
/// value, its own message) instead of a number nobody typed.
/// </summary>
public sealed class WholeNumberBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var value = bindingContext.ValueProvider.GetValue(name);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(name, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // Empty: null for int?, and the framework's "required" rule for int.
            if (Nullable.GetUnderlyingType(bindingContext.ModelType) is not null)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        if (IsWholeNumber(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.TryAddModelError(name,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }

    /// <summary>ASCII digits, with at most one leading minus sign.</summary>
    public static bool IsWholeNumber(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length is > 0 and <= 10 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}

/// <summary>Puts <see cref="WholeNumberBinder"/> in front of the framework's binder for <c>int</c> and <c>int?</c>.</summary>
public sealed class WholeNumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(int) ? new WholeNumberBinder() : null;
}
