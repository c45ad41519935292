using FilePipeline.Core.Errors;

namespace FilePipeline.Cli.Inspection;

/// <summary>Why a file is not valid, in the terms of the JSON output: an error name, a line and a reason.</summary>
internal sealed record InspectionFailure(string Error, long? Line, string Reason)
{
    public static InspectionFailure From(PermanentFileException exception) => exception switch
    {
        InvalidCsvException invalid => new("InvalidCsv", invalid.Line, invalid.Reason),
        BinaryFileException binary => new("Binary", binary.Line, binary.Reason),
        EmptyFileException empty => new("Empty", null, empty.Message),
        _ => new(exception.GetType().Name.Replace("Exception", "", StringComparison.Ordinal), null, exception.Message),
    };
}
