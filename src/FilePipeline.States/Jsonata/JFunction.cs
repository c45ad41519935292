namespace FilePipeline.States.Jsonata;

/// <summary>A function value: a lambda, a built-in, a partial application or a regular expression.</summary>
internal abstract class JFunction
{
    /// <summary>How many arguments the function declares (higher-order built-ins pass only that many).</summary>
    public abstract int Arity { get; }

    public virtual Signature? Signature => null;

    /// <summary>Calls the function; <paramref name="input"/> is the context a signature's <c>-</c> falls back to.</summary>
    public abstract object? Invoke(Evaluator evaluator, List<object?> arguments, object? input);
}

/// <summary>A function written in JSONata: <c>function($x){ ... }</c>, closing over its scope and context.</summary>
internal sealed class Lambda(Node node, Frame scope, object? input, IReadOnlyList<string> parameters) : JFunction
{
    public Node Node => node;

    public Frame Scope => scope;

    public object? Input => input;

    public IReadOnlyList<string> Parameters => parameters;

    public override int Arity => parameters.Count;

    public override Signature? Signature => node.Signature;

    public override object? Invoke(Evaluator evaluator, List<object?> arguments, object? input) =>
        evaluator.Apply(this, arguments, input);
}

/// <summary>A built-in function: its implementation receives the validated arguments and the call's context.</summary>
internal sealed class NativeFunction(string name, Signature? signature, int arity, Func<CallContext, List<object?>, object?> implementation) : JFunction
{
    public string Name => name;

    public override int Arity => arity;

    public override Signature? Signature => signature;

    public Func<CallContext, List<object?>, object?> Implementation => implementation;

    public override object? Invoke(Evaluator evaluator, List<object?> arguments, object? input) =>
        evaluator.Apply(this, arguments, input);
}

/// <summary>What a built-in sees of the call: the evaluator (to call function arguments), the context and the scope.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, object? Input, Frame Scope, string Name);

/// <summary><c>$f(?, 2)</c>: a function with some arguments fixed and the <c>?</c> ones left to the caller.</summary>
internal sealed class PartialFunction(JFunction target, List<object?> arguments) : JFunction
{
    /// <summary>Marks an argument left open.</summary>
    public static readonly object Placeholder = new();

    public override int Arity => arguments.Count(a => ReferenceEquals(a, Placeholder));

    public override object? Invoke(Evaluator evaluator, List<object?> supplied, object? input)
    {
        var complete = new List<object?>(arguments.Count);
        var next = 0;
        foreach (var argument in arguments)
        {
            complete.Add(ReferenceEquals(argument, Placeholder) ? (next < supplied.Count ? supplied[next++] : null) : argument);
        }

        return evaluator.Apply(target, complete, input);
    }
}
