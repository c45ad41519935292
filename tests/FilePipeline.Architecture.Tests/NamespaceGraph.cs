using System.Reflection;
using FilePipeline.Testing.Reflection;

namespace FilePipeline.Architecture.Tests;

/// <summary>
/// Which areas (namespaces one level below a root, sub-namespaces included) of an assembly use which, read from its compiled code: signatures, fields, locals and
/// every type, method or field a method body names (lambdas and async state machines count for the type
/// that declares them), so a reference through a fully qualified name or a parent namespace is seen too.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private NamespaceGraph(IReadOnlyDictionary<string, HashSet<string>> uses) => Uses = uses;

    /// <summary>Each area under <c>root.</c> with the other areas its types use.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses { get; }

    public static NamespaceGraph Load(Assembly assembly, string root)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(type => Area(type.Namespace, root) is not null))
        {
            var from = Area(type.Namespace, root)!;
            var used = uses.TryGetValue(from, out var set) ? set : uses[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in ReferencedTypes(type).SelectMany(Expand).Where(t => t.Assembly == assembly))
            {
                if (Area(reference.Namespace, root) is { } area && area != from)
                {
                    used.Add(area);
                }
            }
        }

        return new NamespaceGraph(uses);
    }

    /// <summary>The namespaces from which <paramref name="name"/> can be reached again through the uses.</summary>
    public IReadOnlySet<string> Reachable(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Uses.GetValueOrDefault(name) ?? []);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var used in Uses.GetValueOrDefault(next) ?? [])
                {
                    pending.Push(used);
                }
            }
        }

        return seen;
    }

    /// <summary><c>root.Intrinsics.Parsing</c> → <c>root.Intrinsics</c>; null outside <paramref name="root"/> and for the root itself.</summary>
    private static string? Area(string? ns, string root) =>
        ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal)
            ? root + "." + ns[(root.Length + 1)..].Split('.')[0]
            : null;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return implemented;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo { ReturnType: var returned })
            {
                yield return returned;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var named in BodyTypes(method))
            {
                yield return named;
            }
        }
    }

    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (_, token) in IlTokens.Of(method))
        {
            var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
            if (member is Type named)
            {
                yield return named;
            }
            else if (member?.DeclaringType is { } declaring)
            {
                yield return declaring;
                if (member is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }
            }
        }
    }

    /// <summary>A type with the types it is made of: generic arguments, array elements, the type behind a ref.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        var self = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Expand).Prepend(self)
            : [self];
    }
}
