namespace FilePipeline.Host.Faults;

/// <summary>
/// <c>exit-after=STATE[,times=N][,mode=kill|exit]</c>: the process ends right after the named
/// state has exited for the N-th time (default the first): killed (SIGKILL, like kill -9) or Environment.Exit.
/// </summary>
public sealed record ExitFault(string StateName, int Times, ExitMode Mode);

public enum ExitMode
{
    Kill,
    Exit,
}
