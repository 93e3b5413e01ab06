using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>A lesson page: finds its own entry in <see cref="Lessons"/> by its path, for _LessonLayout to frame it.</summary>
public abstract class LessonModel : PageModel
{
    public Lesson Lesson => Lessons.Of(PageContext.ActionDescriptor.ViewEnginePath);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => ViewData[nameof(Lesson)] = Lesson;
}
