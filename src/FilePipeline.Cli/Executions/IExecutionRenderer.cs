namespace FilePipeline.Cli.Executions;

/// <summary>
/// Renders one execution for `executions show`. The text and JSON renderers live here; an HTML
/// renderer plugs in the same way (ExecutionsCommand picks the renderer from the options).
/// </summary>
internal interface IExecutionRenderer
{
    Task RenderAsync(StoredExecution view, TextWriter output, CancellationToken cancellationToken);
}
