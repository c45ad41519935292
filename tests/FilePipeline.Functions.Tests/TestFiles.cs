namespace FilePipeline.Functions.Tests;

/// <summary>Paths of test data.</summary>
internal static class TestFiles
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
