using FilePipeline.Core.Ports;

namespace FilePipeline.Local.Objects;

/// <summary>One version of a key, as S3 ListObjectVersions reports it.</summary>
public sealed record ObjectVersionInfo(ObjectInfo Info, bool IsLatest);
