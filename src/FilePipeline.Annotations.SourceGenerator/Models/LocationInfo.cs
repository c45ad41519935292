using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>A source location without the syntax tree it came from, so models do not hold compilations alive.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
