using System.Reflection;
using System.Reflection.Emit;

namespace FaqBot.Tests.Channels;

/// <summary>
/// Channels are peers over the shared activities layer: <c>FaqBot.Channels.X</c> may use <c>FaqBot.Channels.Activities</c>
/// and itself, never another channel, and the activities layer uses no channel. Checked on the compiled types,
/// signatures and method bodies alike, so a fully qualified name or a lambda cannot slip past it.
/// </summary>
public sealed class ChannelDependencyTests
{
    private const string Prefix = "FaqBot.Channels.";
    private const string Activities = "Activities";

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static ChannelDependencyTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xff] = code;
            }
        }
    }

    [Fact]
    public void ChannelTypes_UseOnlyActivitiesAndTheirOwnChannel()
    {
        var violations = ChannelDependencies()
            .Where(edge => edge.To != edge.From && edge.To != Activities)
            .Select(edge => $"{edge.Type} ({edge.From}) uses {edge.Used} ({edge.To})")
            .Distinct()
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void DependencyScan_SeesChannelsUsingActivities()
    {
        // Guards the test above against a scan that finds nothing at all.
        var edges = ChannelDependencies().Select(edge => (edge.From, edge.To)).ToHashSet();

        Assert.Contains(("BotChannel", Activities), edges);
        Assert.Contains(("DirectLine", Activities), edges);
    }

    private static IEnumerable<(string Type, string From, string Used, string To)> ChannelDependencies()
    {
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            if (AreaOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in TypesUsedBy(type))
            {
                if (AreaOf(used) is { } to)
                {
                    yield return (type.FullName!, from, used.FullName ?? used.Name, to);
                }
            }
        }
    }

    /// <summary>The folder under <c>Channels</c> a type belongs to (nested and compiler-generated types count as their outer type's).</summary>
    private static string? AreaOf(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        var ns = outer.Namespace;
        return ns is not null && ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> used = [.. Expand(type.BaseType), .. type.GetInterfaces().SelectMany(Expand)];
        used = used.Concat(type.GetFields(All).SelectMany(field => Expand(field.FieldType)));
        used = used.Concat(type.GetProperties(All).SelectMany(property => Expand(property.PropertyType)));
        IEnumerable<MethodBase> methods = [.. type.GetMethods(All), .. type.GetConstructors(All)];
        foreach (var method in methods)
        {
            used = used.Concat(method.GetParameters().SelectMany(parameter => Expand(parameter.ParameterType)));
            if (method is MethodInfo info)
            {
                used = used.Concat(Expand(info.ReturnType));
            }

            used = used.Concat(BodyReferences(method));
        }

        return used;
    }

    /// <summary>A type with its element and generic argument types.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        yield return type;
        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()))
            {
                yield return element;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types whose members, fields or tokens a method body references.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? TwoByte[il[++position]] : OneByte[il[position]];
            position++;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    found.AddRange(member switch
                    {
                        Type t => Expand(t),
                        MethodBase m => Expand(m.DeclaringType).Concat(m is MethodInfo mi ? Expand(mi.ReturnType) : []),
                        FieldInfo f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                        _ => [],
                    });
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += code.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }

        return found;
    }
}
