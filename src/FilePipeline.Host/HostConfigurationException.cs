namespace FilePipeline.Host;

/// <summary>The local options contradict the template in a way that would break a guarantee (e.g. exactly-once under crashes).</summary>
public sealed class HostConfigurationException(string message) : Exception(message);
