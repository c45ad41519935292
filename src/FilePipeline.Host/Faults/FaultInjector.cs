using System.Diagnostics;
using FilePipeline.Core.Errors;
using FilePipeline.Host.Template;
using FilePipeline.States.History;

namespace FilePipeline.Host.Faults;

/// <summary>Applies a <see cref="FaultPlan"/> to one process: counts matching invocations and state exits, throws or exits.</summary>
public sealed class FaultInjector(FaultPlan plan, Action<ExitFault>? exit = null)
{
    private readonly Action<ExitFault> exit = exit ?? ExitProcess;
    private readonly int[] failures = new int[plan.FunctionFaults.Count];
    private readonly int[] exits = new int[plan.Exits.Count];

    /// <summary>Throws the injected transient error when a fail rule matches this invocation.</summary>
    /// <param name="keyOf">The object key the invocation is about, read only when a rule matches on keys: the payload is the function's to parse.</param>
    public void BeforeInvoke(FunctionDefinition function, Func<string?> keyOf)
    {
        var key = new Lazy<string?>(keyOf, LazyThreadSafetyMode.None);
        for (var i = 0; i < plan.FunctionFaults.Count; i++)
        {
            var fault = plan.FunctionFaults[i];
            if (fault.Matches(function, key) && (fault.Times is not { } times || Interlocked.Increment(ref failures[i]) <= times))
            {
                throw new StorageUnavailableException($"Injected fault ({FaultPlan.EnvironmentVariable}): {function.Handler} failed for '{key.Value}'.");
            }
        }
    }

    /// <summary>The engine's history observer: ends the process right after a named state exits, once the event is stored.</summary>
    public void AfterHistoryEvent(HistoryEvent historyEvent)
    {
        if (plan.Exits.Count == 0 || !historyEvent.Type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            return;
        }

        var state = historyEvent.Details?["name"]?.GetValue<string>();
        for (var i = 0; i < plan.Exits.Count; i++)
        {
            if (plan.Exits[i].StateName == state && Interlocked.Increment(ref exits[i]) == plan.Exits[i].Times)
            {
                exit(plan.Exits[i]);
            }
        }
    }

    private static void ExitProcess(ExitFault fault)
    {
        if (fault.Mode == ExitMode.Kill)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }

        Environment.Exit(137);
    }
}
