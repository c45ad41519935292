namespace FilePipeline.Local.Objects;

/// <summary>The key is not allowed in the embedded store (empty, too long, absolute, with a <c>..</c> segment, a backslash or a control character).</summary>
public sealed class InvalidObjectKeyException(string message) : ArgumentException(message);
