namespace ShopApp.Tests;

public static class RepositoryRoot
{
    /// <summary>The folder that holds ShopApp.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ShopApp.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ShopApp.sln not found above the test folder.");
    }
}
