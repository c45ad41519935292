using FilePipeline.Testing.Tools;

namespace FilePipeline.Deployment.Tests;

/// <summary>The deployed definition passes asl-validator, the checker AWS's tooling builds on.</summary>
public class AslValidatorTests
{
    [Fact]
    public async Task The_definition_the_template_deploys_passes_asl_validator()
    {
        var (exitCode, output) = await ValidateAsync(RepositoryFiles.PathOf(LeastPrivilegeTests.DefinitionPath()));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Asl_validator_rejects_a_definition_whose_transition_names_no_state()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(broken, """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Missing"}}}""");
        try
        {
            var (exitCode, _) = await ValidateAsync(broken);

            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string definition)
    {
        await NpmTools.EnsureInstalledAsync();
        return await ChildProcess.RunAsync(NpmTools.Bin("asl-validator"), ["--json-path", definition]);
    }
}
