namespace FilePipeline.States.Jsonata;

/// <summary>JSON <c>null</c> inside the evaluator, where C# <c>null</c> stands for JSONata's undefined.</summary>
internal sealed class JNull
{
    public static readonly JNull Value = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}
