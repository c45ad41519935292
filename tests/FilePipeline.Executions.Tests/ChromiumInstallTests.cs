using FilePipeline.Testing.Browser;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Executions.Tests;

/// <summary>On a fresh machine the browser fixture installs Debian's Chromium itself, or says how to.</summary>
public class ChromiumInstallTests
{
    private sealed class FakeSystem
    {
        public List<string> Commands { get; } = [];

        public bool Installed { get; set; }

        public int ExitCode { get; init; }

        public Task<(int, string)> RunAsync(string program, IEnumerable<string> arguments)
        {
            Commands.Add(string.Join(' ', [program, .. arguments]));
            Installed |= ExitCode == 0 && arguments.Contains("install");
            return Task.FromResult((ExitCode, ExitCode == 0 ? "" : "E: Unable to locate package chromium"));
        }
    }

    [Fact]
    public async Task A_missing_chromium_is_installed_with_apt_get_when_running_as_root()
    {
        var system = new FakeSystem();
        var packages = new DebianPackages(system.RunAsync, _ => system.Installed, isRoot: true);

        await packages.EnsureAsync(ChromiumFixture.ExecutablePath, ChromiumFixture.Packages);

        Assert.Equal(2, system.Commands.Count);
        Assert.Equal("apt-get update -qq", system.Commands[0]);
        Assert.EndsWith("install -y -qq chromium fonts-dejavu-core", system.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_present_chromium_installs_nothing()
    {
        var system = new FakeSystem { Installed = true };

        await new DebianPackages(system.RunAsync, _ => true, isRoot: true).EnsureAsync(ChromiumFixture.ExecutablePath, ChromiumFixture.Packages);

        Assert.Empty(system.Commands);
    }

    [Fact]
    public async Task Without_root_the_message_says_the_command_to_run()
    {
        var system = new FakeSystem();
        var packages = new DebianPackages(system.RunAsync, _ => false, isRoot: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => packages.EnsureAsync(ChromiumFixture.ExecutablePath, ChromiumFixture.Packages));

        Assert.Contains("sudo apt-get install -y chromium fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Empty(system.Commands);
    }

    [Fact]
    public async Task A_failed_install_reports_apt_gets_words()
    {
        var system = new FakeSystem { ExitCode = 100 };
        var packages = new DebianPackages(system.RunAsync, _ => false, isRoot: true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => packages.EnsureAsync(ChromiumFixture.ExecutablePath, ChromiumFixture.Packages));

        Assert.Contains("Unable to locate package chromium", error.Message, StringComparison.Ordinal);
    }
}
