using System.Reflection;
using System.Reflection.Emit;
using FilePipeline.Testing.Reflection;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// Reads a function class's IL (its own methods and the compiler-generated async state machines
/// and closures nested in it) and lists the port methods it calls, so the IAM tables are checked
/// against what the code does rather than what someone remembers it doing.
/// </summary>
internal static class PortCallScanner
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <returns>"Port.Method" for every call to a method declared by an interface in <paramref name="portNamespace"/>.</returns>
    public static IReadOnlySet<string> CallsInto(Type type, string portNamespace) =>
        WithNested(type)
            .SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            .SelectMany(CalledMethods)
            .Where(m => m.DeclaringType is { IsInterface: true } port && port.Namespace == portNamespace)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Type> WithNested(Type type) => type.GetNestedTypes(Everything).SelectMany(WithNested).Prepend(type);

    private static IEnumerable<MethodBase> CalledMethods(MethodBase method) =>
        IlTokens.Of(method)
            .Where(instruction => instruction.Operand == OperandType.InlineMethod)
            .Select(instruction => method.Module.ResolveMethod(instruction.Token, GenericArguments(method.DeclaringType), GenericArguments(method))!);

    private static Type[]? GenericArguments(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? GenericArguments(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;
}
