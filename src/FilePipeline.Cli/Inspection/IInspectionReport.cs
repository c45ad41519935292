using FilePipeline.Core.Csv;

namespace FilePipeline.Cli.Inspection;

/// <summary>Where and how the result of each file is printed.</summary>
internal interface IInspectionReport
{
    Task WriteAsync(string file, CsvInspection inspection, TimeSpan elapsed);

    Task WriteAsync(string file, InspectionFailure failure);
}
