using System.Text;
using ShopApp.Catalog;

namespace ShopApp.Tests.Catalog;

/// <summary>What a file is comes from its bytes: the name and the browser's content type are never asked.</summary>
public sealed class ProductImagesTests
{
    public static readonly TheoryData<byte[], string> Images = new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "jpg" },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "webp" },
        { Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>"), "svg" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_accepted_format_is_recognised_by_its_content(byte[] bytes, string extension)
    {
        Assert.Equal((extension, ImageProblem.None), ProductImages.Recognize(bytes));
    }

    public static readonly TheoryData<string, ImageProblem> Refused = new()
    {
        { "GIF89a", ImageProblem.NotAnImage },
        { "RIFF\u0024\0\0\0WAVEfmt ", ImageProblem.NotAnImage },
        { "<svg><rect/></svg>", ImageProblem.NotAnImage },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>hi</p></foreignObject></svg>", ImageProblem.ActiveSvg },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\" javascript:alert(1)\"><rect/></a></svg>", ImageProblem.ActiveSvg },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect ONCLICK=\"x()\"/></svg>", ImageProblem.ActiveSvg },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\">", ImageProblem.NotAnImage },
        { "", ImageProblem.NotAnImage },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_formats_broken_files_and_active_svgs_are_refused(string content, ImageProblem problem)
    {
        Assert.Equal((null, problem), ProductImages.Recognize(Encoding.UTF8.GetBytes(content)));
    }
}
