namespace FilePipeline.States.Jsonata;

/// <summary>Function calls, partial application, <c>~&gt;</c> chaining and the tail-call trampoline.</summary>
internal sealed partial class Evaluator
{
    private static readonly Node ChainBody = Parser.Parse("function($f, $g) { function($x){ $g($f($x)) } }");

    private object? EvaluateCall(Node expr, object? input, Frame env, object? applyTo, bool hasApplyTo)
    {
        var procedure = Evaluate(expr.Lhs!, input, env);
        var name = ProcedureName(expr.Lhs!);
        if (procedure is null && expr.Lhs!.Kind == NodeKind.Path && env.TryLookup(name, out var forgotDollar) && forgotDollar is not null)
        {
            throw Errors.Create("T1005", expr.Position, name);
        }

        var arguments = new List<object?>(expr.Items.Count + 1);
        if (hasApplyTo)
        {
            arguments.Add(applyTo);
        }

        foreach (var argument in expr.Items)
        {
            arguments.Add(Evaluate(argument, input, env));
        }

        try
        {
            return Apply(procedure, arguments, input, env, name);
        }
        catch (JsonataException e) when (e.Position is null)
        {
            throw new JsonataException(e.Code, e.Message, expr.Position, e) { Token = e.Token ?? name };
        }
    }

    private static string ProcedureName(Node procedure) =>
        procedure.Kind == NodeKind.Path ? procedure.Items[0].Text : procedure.Text;

    /// <summary>Calls a function value, running tail calls it returns until a real value comes back.</summary>
    public object? Apply(object? procedure, List<object?> arguments, object? input, Frame? env = null, string? name = null)
    {
        var result = ApplyInner(procedure, arguments, input, env, name);
        while (result is Lambda { Node.Thunk: true } thunk)
        {
            var call = thunk.Node.Body!;
            var next = Evaluate(call.Lhs!, thunk.Input, thunk.Scope);
            var nextArguments = new List<object?>(call.Items.Count);
            foreach (var argument in call.Items)
            {
                nextArguments.Add(Evaluate(argument, thunk.Input, thunk.Scope));
            }

            result = ApplyInner(next, nextArguments, input, env, ProcedureName(call.Lhs!));
        }

        return result;
    }

    private object? ApplyInner(object? procedure, List<object?> arguments, object? input, Frame? env, string? name)
    {
        if (procedure is not JFunction function)
        {
            throw Errors.Create("T1006", null, name);
        }

        var validated = function.Signature?.Validate(arguments, input, name ?? (function as NativeFunction)?.Name ?? string.Empty) ?? arguments;
        switch (function)
        {
            case Lambda lambda:
                var frame = new Frame(lambda.Scope);
                for (var i = 0; i < lambda.Parameters.Count; i++)
                {
                    frame.Bind(lambda.Parameters[i], i < validated.Count ? validated[i] : null);
                }

                return Evaluate(lambda.Node.Body!, lambda.Input, frame);
            case NativeFunction native:
                return native.Implementation(new CallContext(this, input, env ?? new Frame(null), native.Name), validated);
            default:
                return function.Invoke(this, validated, input);
        }
    }

    /// <summary>Calls a function argument of a built-in (e.g. $map's callback) with as many arguments as it declares.</summary>
    public object? CallWithArity(JFunction function, params object?[] arguments)
    {
        var count = Math.Max(1, Math.Min(function.Arity, arguments.Length));
        var list = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(arguments[i]);
        }

        return Apply(function, list, null);
    }

    private PartialFunction EvaluatePartial(Node expr, object? input, Frame env)
    {
        var arguments = new List<object?>(expr.Items.Count);
        foreach (var argument in expr.Items)
        {
            arguments.Add(argument.Kind == NodeKind.Placeholder ? PartialFunction.Placeholder : Evaluate(argument, input, env));
        }

        var procedure = Evaluate(expr.Lhs!, input, env);
        var name = ProcedureName(expr.Lhs!);
        if (procedure is null && expr.Lhs!.Kind == NodeKind.Path && env.TryLookup(name, out var forgotDollar) && forgotDollar is not null)
        {
            throw Errors.Create("T1007", expr.Position, name);
        }

        if (procedure is not JFunction function)
        {
            throw Errors.Create("T1008", expr.Position, name);
        }

        if (function is Lambda lambda)
        {
            // A lambda's parameter count is known: fill the missing trailing arguments with undefined.
            while (arguments.Count < lambda.Parameters.Count)
            {
                arguments.Add(null);
            }

            if (arguments.Count > lambda.Parameters.Count)
            {
                arguments.RemoveRange(lambda.Parameters.Count, arguments.Count - lambda.Parameters.Count);
            }
        }

        return new PartialFunction(function, arguments);
    }

    private object? EvaluateApply(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (expr.Rhs!.Kind == NodeKind.Function)
        {
            return EvaluateCall(expr.Rhs, input, env, lhs, true);
        }

        var function = Evaluate(expr.Rhs, input, env);
        if (function is not JFunction)
        {
            throw Errors.Value("T2006", function, expr.Position);
        }

        if (lhs is JFunction)
        {
            var chain = Evaluate(ChainBody, null, env);
            return Apply(chain, [lhs, function], null, env);
        }

        return Apply(function, [lhs], null, env);
    }
}
