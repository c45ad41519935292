namespace FilePipeline.Lambda.Metrics;

/// <summary>The pipeline's metric names (namespace <see cref="EmbeddedMetricWriter.DefaultNamespace"/>); alarms and dashboards use them.</summary>
public static class PipelineMetrics
{
    public const string FilesProcessed = "FilesProcessed";
    public const string FilesDuplicate = "FilesDuplicate";
    public const string FilesRejected = "FilesRejected";
    public const string FilesFailed = "FilesFailed";
    public const string RowsCounted = "RowsCounted";
    public const string InspectDuration = "InspectDuration";
}
