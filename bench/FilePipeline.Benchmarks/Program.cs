using System.Globalization;
using BenchmarkDotNet.Running;
using FilePipeline.Benchmarks;

// generate <MB> | memory <MB> | compare <MB> [rounds] | asl-peer [definition ...] | BenchmarkDotNet's own arguments (--filter '*' --job short ...)
switch (args)
{
    case ["generate", var size]:
        var (path, rows) = CsvFileGenerator.Ensure(long.Parse(size, CultureInfo.InvariantCulture));
        Console.WriteLine($"{path}: {rows} data rows");
        return 0;
    case ["memory", var size]:
        return await PeakMemory.RunAsync(long.Parse(size, CultureInfo.InvariantCulture));
    case ["compare", var size, .. var rest]:
        return InspectionComparison.Run(long.Parse(size, CultureInfo.InvariantCulture), rest is [var rounds] ? int.Parse(rounds, CultureInfo.InvariantCulture) : 9);
    case ["asl-peer", .. var only]:
        return await AslPeerComparison.RunAsync(only);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(InspectionBenchmarks).Assembly).Run(args);
        return 0;
}
