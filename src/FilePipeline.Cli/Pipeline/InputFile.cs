using System.Runtime.InteropServices;

namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// Checks that a path names a regular file before anything opens it: opening a FIFO blocks until a
/// writer comes, and a device or an endless stream would fill the disk. Linux's statx reports the
/// file type with a layout that is the same on every architecture.
/// </summary>
internal static partial class InputFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int ModeOffset = 28;
    private const int StatxSize = 256;

    /// <exception cref="UsageException"><paramref name="path"/> is missing, a directory, a symbolic link loop, or not a regular file.</exception>
    public static void RequireRegular(string path, string what = "")
    {
        if (ProblemWith(path, what) is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    /// <summary>Why <paramref name="path"/> cannot be read as a regular file (named "<paramref name="what"/> path"), or null when it can.</summary>
    public static string? ProblemWith(string path, string what = "")
    {
        var name = what.Length == 0 ? path : $"{what} {path}";
        path = Path.GetFullPath(path);
        if (Directory.Exists(path))
        {
            return $"{name} is a directory, not a file.";
        }

        if (new FileInfo(path).LinkTarget is not null)
        {
            var target = FinalTarget(path);
            if (target is not { Exists: true })
            {
                return target is null ? $"{name} is a loop of symbolic links." : $"{name} is a symbolic link to {target.FullName}, which does not exist.";
            }
        }

        if (!File.Exists(path))
        {
            return $"{name} does not exist.";
        }

        return KindOf(path) is { } kind
            ? $"{name} is {kind}, not a regular file; only regular files can be read whole (copy the data into a file first)."
            : null;
    }

    /// <summary>Where a chain of symbolic links ends; null when it loops.</summary>
    private static FileSystemInfo? FinalTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What a non-regular file is ("a FIFO (named pipe)", …), or null for a regular file or where statx is not available.</summary>
    private static string? KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer[ModeOffset..]) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "a special file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, ref byte buffer);
}
