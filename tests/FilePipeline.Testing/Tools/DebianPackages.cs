namespace FilePipeline.Testing.Tools;

/// <summary>
/// Debian packages a test fixture needs (Chromium for the browser tests), installed with apt-get the
/// first time a fixture finds the program missing, as <see cref="NpmTools"/> installs the npm tools,
/// so a plain <c>dotnet test</c> works on a fresh machine. Installing needs root; otherwise the
/// message says the command to run. .ci/run installs the same packages beforehand.
/// </summary>
public sealed class DebianPackages(
    Func<string, IEnumerable<string>, Task<(int ExitCode, string Output)>> run,
    Func<string, bool> exists,
    bool isRoot)
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Runs real processes as the current user.</summary>
    public static DebianPackages System { get; } = new(ChildProcess.RunAsync, File.Exists, Environment.IsPrivilegedProcess);

    /// <summary>Installs <paramref name="packages"/> unless <paramref name="program"/> is already there.</summary>
    /// <exception cref="InvalidOperationException">It is missing and cannot be installed here; the message says how to install it.</exception>
    public async Task EnsureAsync(string program, params string[] packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        if (exists(program))
        {
            return;
        }

        var command = $"apt-get install -y {string.Join(' ', packages)}";
        if (!isRoot)
        {
            throw new InvalidOperationException($"{program} is missing and the tests are not running as root, so they cannot install it: run `sudo {command}` once.");
        }

        await InstallLock.WaitAsync();
        try
        {
            if (exists(program))
            {
                return;
            }

            // Test assemblies run in parallel processes; dpkg takes its own lock, and apt-get waits for it.
            var update = await run("apt-get", ["update", "-qq"]);
            var install = update.ExitCode == 0
                ? await run("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", .. packages])
                : update;
            if (install.ExitCode != 0 || !exists(program))
            {
                throw new InvalidOperationException($"{program} is missing and `{command}` failed ({install.ExitCode}): {install.Output.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing and apt-get cannot run here ({e.Message}): install it with `{command}` or your system's package manager.", e);
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
