using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Tests;

/// <summary>The function classes of LinX.Functions, found by reflection: types with methods carrying <see cref="FunctionAttribute"/>.</summary>
public static class FunctionClasses
{
    public static IReadOnlyList<MethodInfo> Methods { get; } =
    [
        .. typeof(LinXFunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null),
    ];

    public static IReadOnlyList<Type> Types { get; } = [.. Methods.Select(m => m.DeclaringType!).Distinct()];

    /// <summary>The classes the worker instantiates per invocation (the others hold only static functions).</summary>
    public static IReadOnlyList<Type> Instantiated { get; } = [.. Types.Where(t => !(t.IsAbstract && t.IsSealed))];

    public static string NameOf(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;
}
