namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>The JSON types an argument may have; combine with <c>|</c>.</summary>
[Flags]
internal enum IntrinsicArgumentTypes
{
    None = 0,
    String = 1,
    Number = 2,
    Boolean = 4,
    Null = 8,
    Array = 16,
    Object = 32,
    Any = String | Number | Boolean | Null | Array | Object,
}
