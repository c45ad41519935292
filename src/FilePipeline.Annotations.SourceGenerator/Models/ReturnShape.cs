namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>How a function method returns: the wrapper awaits the task ones and serializes any result.</summary>
internal enum ReturnShape
{
    Void,
    Task,
    TaskOfResult,
    Result,
}
