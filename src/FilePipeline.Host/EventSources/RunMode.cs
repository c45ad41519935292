namespace FilePipeline.Host.EventSources;

/// <summary>When a <see cref="PipelineRunner"/> stops: once idle, or only when cancelled.</summary>
public enum RunMode
{
    UntilIdle,
    Watch,
}
