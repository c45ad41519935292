using System.Reflection;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Functions.Tests.Runtime;

/// <summary>
/// Our ILambdaContext and ILambdaLogger have exactly Amazon.Lambda.Core's members, so switching to
/// the real package is a change of usings. The expected lists are read from aws/aws-lambda-dotnet,
/// Libraries/src/Amazon.Lambda.Core/ILambdaContext.cs and ILambdaLogger.cs (commit 8314921, the
/// NET8_0_OR_GREATER members included).
/// </summary>
public sealed class LambdaCoreShapeTests
{
    [Fact]
    public void ILambdaContext_has_exactly_the_real_interfaces_properties()
    {
        string[] real =
        [
            "AwsRequestId: String", "ClientContext: IClientContext", "FunctionName: String", "FunctionVersion: String",
            "Identity: ICognitoIdentity", "InvokedFunctionArn: String", "Logger: ILambdaLogger", "LogGroupName: String",
            "LogStreamName: String", "MemoryLimitInMB: Int32", "RemainingTime: TimeSpan", "Serializer: ILambdaSerializer",
            "TenantId: String", "TraceId: String",
        ];

        var ours = typeof(ILambdaContext).GetProperties().Select(p => $"{p.Name}: {p.PropertyType.Name}");

        Assert.Equal(real.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(typeof(ILambdaContext).GetMethods(), m => !m.IsSpecialName);
    }

    [Fact]
    public void ILambdaLogger_has_exactly_the_real_interfaces_methods()
    {
        string[] levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];
        string[] real =
        [
            "Log(String)", "LogLine(String)", "Log(String, String)", "Log(LogLevel, String)",
            "Log(String, String, Object[])", "Log(String, Exception, String, Object[])",
            "Log(LogLevel, String, Object[])", "Log(LogLevel, Exception, String, Object[])",
            .. levels.SelectMany(level => new[] { $"Log{level}(String)", $"Log{level}(String, Object[])", $"Log{level}(Exception, String, Object[])" }),
        ];

        var ours = typeof(ILambdaLogger).GetMethods().Select(Signature);

        Assert.Equal(real.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        Assert.Empty(typeof(ILambdaLogger).GetProperties());
    }

    [Fact]
    public void LogLevel_has_the_real_enums_names_and_values()
    {
        Assert.Equal(
            [("Trace", 0), ("Debug", 1), ("Information", 2), ("Warning", 3), ("Error", 4), ("Critical", 5)],
            Enum.GetValues<LogLevel>().Select(level => (level.ToString(), (int)level)));
    }

    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
