using System.Reflection;
using System.Reflection.Emit;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// Reads a function class's IL (its own methods and the compiler-generated async state machines
/// and closures nested in it) and lists the port methods it calls, so the IAM tables are checked
/// against what the code does rather than what someone remembers it doing.
/// </summary>
internal static class PortCallScanner
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <returns>"Port.Method" for every call to a method declared by an interface in <paramref name="portNamespace"/>.</returns>
    public static IReadOnlySet<string> CallsInto(Type type, string portNamespace) =>
        WithNested(type)
            .SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            .SelectMany(CalledMethods)
            .Where(m => m.DeclaringType is { IsInterface: true } port && port.Namespace == portNamespace)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<Type> WithNested(Type type) => type.GetNestedTypes(Everything).SelectMany(WithNested).Prepend(type);

    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var opCode = OpCodesByValue[value];
            position += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                yield return method.Module.ResolveMethod(token, GenericArguments(method.DeclaringType), GenericArguments(method))!;
            }

            position += OperandSize(opCode.OperandType, il, position);
        }
    }

    private static Type[]? GenericArguments(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? GenericArguments(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
