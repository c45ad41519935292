namespace FilePipeline.Cli.Inspection;

/// <summary>Shows how far the inspection of one file has got, until it completes.</summary>
internal interface IProgressDisplay
{
    /// <param name="position">Polled for the bytes read so far.</param>
    Task ShowAsync(string label, long totalBytes, Func<long> position, Task completion);
}
